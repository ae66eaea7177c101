import { markdownCell as cell, withoutRawHtml } from './markdownText.js';
import type { Matching, MatchedCoachee } from '../engine/matching.js';
import { formatShare } from './reportFormat.js';
import { candidatesSentence, objectiveSummary, quotaOutcomeText } from './reportSections.js';

const fixed = (value: number | null, digits = 2) => (value === null ? '–' : value.toFixed(digits));
/** Escapes what would break a Markdown table cell. */

/**
 * A report a coordinator can read and forward: the key figures, what a `fair` or `stable`
 * objective achieved and cost, the quotas, what needs action (dual roles to disclose,
 * unmatched coachees), every pair with its common ground and main reasons, and each coach's load.
 */
export function renderMarkdown(matching: Matching, title = 'Coach matching'): string {
  const k = matching.kpis;
  const out: string[] = [];
  out.push(`# ${title}`, '');
  const objective = objectiveSummary(matching);
  const objectiveText = objective === undefined ? '' : ` Objective: **${objective.objective}**.`;
  out.push(`Policy preset: **${matching.preset}**.${objectiveText} Status: **${matching.status}**.`, '');
  if (matching.candidates !== undefined) out.push(candidatesSentence(matching.candidates), '');
  if (matching.diagnosis.length > 0) {
    out.push('## Why no complete matching exists', '', ...matching.diagnosis.map((d) => `- ${d}`), '');
  }
  out.push('## Key figures', '');
  out.push('| | |', '|---|---|');
  out.push(`| Coachees matched | ${k.matched} of ${k.coachees}${k.unmatched > 0 ? ` (${k.unmatched} unmatched)` : ''} |`);
  out.push(`| Mean score / worst score | ${fixed(k.meanScore)} / ${fixed(k.worstScore)} |`);
  out.push(`| Mean aspiration fit / support fit | ${fixed(k.meanAspirationFit)} / ${fixed(k.meanSupportFit)} |`);
  out.push(`| Pioneers with common ground | ${k.pioneersWithCommonGround} (${formatShare(k.pioneerShareWithCommonGround)} of matched pioneers; ${k.pioneers} pioneers) |`);
  const unknown = k.insidersDifferenceUnknown > 0 ? `; ${k.insidersDifferenceUnknown} with a coach of unknown difference` : '';
  out.push(`| Insiders with a sufficiently different coach | ${k.insidersSufficientlyDifferent} (${formatShare(k.insiderShareSufficientlyDifferent)} of matched insiders; ${k.insiders} insiders${unknown}) |`);
  out.push(`| Role conflicts avoided / dual roles to disclose | ${k.conflictsAvoided} of ${k.conflictPairs} / ${k.dualRolesDisclosed} |`);
  out.push(`| Preferences honoured (first choice) | ${k.preferenceHonoured} (${k.firstChoiceHonoured}) |`);
  out.push(`| Coaches used | ${k.coachesUsed} of ${k.coachesAvailable} |`, '');
  if (objective !== undefined) {
    out.push(`## Objective: ${objective.objective}`, '', objective.lead, '', '| | |', '|---|---|');
    for (const fact of objective.facts) out.push(`| ${fact.label} | ${cell(fact.value)} |`);
    out.push('');
  }

  const quotas = matching.quotaReport;
  if (quotas !== undefined) {
    out.push('## Quotas', '', `${quotas.message} (solver: ${quotas.backend}).`, '');
    for (const q of quotas.quotas) out.push(`- **${cell(q.name)}**: ${cell(q.description)} — ${quotaOutcomeText(q)}`);
    for (const part of quotas.conflict) out.push(`- cannot hold together: ${cell(part.text)}`);
    out.push('');
  }
  const matched = matching.coachees.filter((c): c is MatchedCoachee => c.status === 'matched');
  const flagged = matched.filter((c) => c.flags.length > 0);
  if (flagged.length > 0) {
    out.push('## To act on', '');
    for (const c of flagged) for (const f of c.flags) out.push(`- **${c.coacheeName} – ${c.coachName}**: ${f.message}`);
    out.push('');
  }
  const unmatched = matching.coachees.filter((c) => c.status === 'unmatched');
  if (unmatched.length > 0) {
    out.push('## Unmatched', '');
    for (const c of unmatched) if (c.status === 'unmatched') out.push(`- **${c.coacheeName}** (${c.coacheeType}): ${c.reason}`);
    out.push('');
  }
  out.push('## Pairs', '');
  out.push('| Coachee | Type | Coach | Score | Common ground | Strongest reasons |', '|---|---|---|---:|---|---|');
  for (const c of matched) {
    const reasons = [...c.terms]
      .filter((t) => Math.abs(t.value) >= 0.005)
      .sort((a, b) => Math.abs(b.value) - Math.abs(a.value))
      .slice(0, 3)
      .map((t) => `${t.label} ${t.value >= 0 ? '+' : ''}${t.value.toFixed(2)}`)
      .join(', ');
    const ground = c.commonGround.length > 0 ? c.commonGround.join('; ') : '–';
    out.push(`| ${cell(c.coacheeName)} | ${c.coacheeType} | ${cell(c.coachName)} | ${c.score.toFixed(2)} | ${cell(ground)} | ${cell(reasons)} |`);
  }
  out.push('', '## Coaches', '');
  out.push('| Coach | Load | Coachees |', '|---|---:|---|');
  const names = new Map(matching.coachees.map((c) => [c.coacheeId, c.coacheeName]));
  for (const coach of matching.coaches) {
    const list = coach.coacheeIds.map((id) => names.get(id) ?? id).join(', ') || '–';
    out.push(`| ${cell(coach.coachName)} | ${coach.load} / ${coach.capacity} | ${cell(list)} |`);
  }
  return withoutRawHtml(`${out.join('\n')}\n`);
}
