import { markdownCell as cell, withoutRawHtml } from '../report/markdownText.js';
import type { Alternative, Explanation, Obstacle } from './explanation.js';

const signed = (x: number) => `${x >= 0 ? '+' : ''}${x.toFixed(2)}`;

/** Said of a pair whose difference is unknown, where a bare number would read as "identical". */
const UNKNOWN = 'unknown: no identity attribute is known for both';

function describeObstacle(o: Obstacle, differenceKnown: boolean): string {
  switch (o.kind) {
    case 'ban':
      return `banned: ${o.reason}`;
    case 'full':
      return `full (${o.capacity} place${o.capacity === 1 ? '' : 's'}, held by ${o.heldBy.join(', ')})`;
    case 'worseFit':
      return `worse on ${o.terms
        .filter((t) => t.delta <= -0.005)
        .slice(0, 3)
        .map((t) => (t.key === 'difference' && !differenceKnown ? `${t.label} ${signed(t.delta)} (${UNKNOWN})` : `${t.label} ${signed(t.delta)}`))
        .join(', ')}`;
  }
}

function describeLoss(a: Alternative): string {
  if (a.loss === null) return 'cannot be forced';
  const lifted = a.allowed ? '' : ' (if the ban were lifted)';
  const unplaced = a.unplaces > 0 ? `, ${a.unplaces} coachee(s) lose their place` : '';
  return `${a.loss.toFixed(3)}${lifted}${unplaced}`;
}

/**
 * The explanation as a report a coordinator can read: per coachee, the chosen coach's score
 * by term, then each alternative with its exact loss, the dual bound, what stands in the way
 * and who else would move.
 */
export function renderExplanationMarkdown(explanation: Explanation, title = 'Why these coaches'): string {
  const out: string[] = [`# ${title}`, ''];
  out.push(`Policy preset: **${explanation.preset}**. Status: **${explanation.status}**.`);
  if (explanation.status !== 'optimal') return withoutRawHtml(`${out.join('\n')}\n\nNo complete matching exists; run \`coachmatch match\` for the diagnosis.\n`);
  out.push(`Total objective ${explanation.objective.toFixed(3)}; losses confirmed by ${explanation.resolves} re-solve(s).`, '');
  for (const c of explanation.coachees) {
    out.push(`## ${c.coacheeName} (${c.coacheeId})`, '');
    if (c.coachId === null) out.push('Unmatched.');
    else {
      const strongest = c.terms.filter((t) => Math.abs(t.value) >= 0.005).map((t) => `${t.label} ${signed(t.value)}`).join(', ');
      const unknown = c.difference === null ? ` Difference ${UNKNOWN}.` : '';
      out.push(`Coach: **${c.coachName}** (${c.coachId}), score ${c.score.toFixed(2)}${priorityNote(c.multiplier)}: ${strongest || 'no term'}.${unknown}`);
    }
    out.push('');
    if (c.alternatives.length === 0) {
      out.push('No alternative coach.', '');
      continue;
    }
    out.push('| Alternative | Score | Loss if forced | Dual bound | What stands in the way | Others who would move |', '|---|---:|---:|---:|---|---|');
    for (const a of c.alternatives) {
      const name = `${a.coachName} (${a.coachId})${a.preferenceRank === null ? '' : `, choice ${a.preferenceRank}`}`;
      const way = a.obstacles.map((o) => describeObstacle(o, a.difference !== null)).join('; ') || '–';
      const moves = a.knockOn.map((m) => `${m.coacheeId}: ${m.from ?? 'none'} → ${m.to ?? 'none'}`).join(', ') || '–';
      const bound = a.dualBound === null ? '–' : a.dualBound.toFixed(3);
      out.push(`| ${cell(name)} | ${a.score.toFixed(2)} | ${describeLoss(a)} | ${bound} | ${cell(way)} | ${cell(moves)} |`);
    }
    out.push('');
  }
  return withoutRawHtml(`${out.join('\n')}\n`);
}

/** How the solver weighs the coachee's scores, when its priority multiplier is not 1 (see priorityWeight). */
function priorityNote(multiplier: number): string {
  if (multiplier === 1) return '';
  if (multiplier === 0) return ' (priority 0: every coach weighs 0)';
  return ` (priority multiplier ${multiplier}: gains count ×${multiplier}, losses ÷${multiplier})`;
}
