import { markdownCell, withoutRawHtml } from '../report/markdownText.js';
import type { MoveReason, RematchResult } from './rematchResult.js';

const signed = (x: number) => `${x >= 0 ? '+' : ''}${x.toFixed(2)}`;

function describeMove(reason: MoveReason): string {
  switch (reason.kind) {
    case 'coachDroppedOut':
      return `coach ${reason.coachId} dropped out`;
    case 'coachInactive':
      return `coach ${reason.coachId} is inactive in the cohort`;
    case 'exitGranted':
      return `exit granted (score ${signed(reason.gain)})`;
    case 'pairNotAllowed':
      return `the pair with ${reason.coachId} is no longer allowed`;
    case 'coachOverCapacity':
      return `coach ${reason.coachId} now has ${reason.capacity} place(s) for ${reason.currentCoachees} current coachees`;
    case 'betterFit':
      // The weighted gain is what beat the price; the own score gain alone may not.
      return `better fit: worth ${signed(reason.weightedGain)} to the re-match, priority and continuity counted, more than the change price (own score ${signed(reason.gain)})`;
    case 'madeRoom':
      return `made room for ${reason.forCoachees.join(', ')}, who had to move (own score ${signed(reason.gain)})`;
    case 'minLoadFilled':
      return `keeps coach ${reason.coachId} at its minimum load of ${reason.minLoad}, which it would fall below without this move (worth ${signed(reason.weightedGain)} on its own, not more than the change price; own score ${signed(reason.gain)})`;
    case 'rearranged':
      return `moved in the re-arrangement with the best total (worth ${signed(reason.weightedGain)} on its own, not more than the change price; own score ${signed(reason.gain)}); its place went to ${reason.placeTakenBy.join(', ') || 'nobody'}`;
    case 'lostPlace':
      return 'no place left';
  }
}

/** A re-match as Markdown: kept and changed pairs, every move with its reason, exits refused or overtaken by the coach leaving, exit clusters. */
export function renderRematchMarkdown(outcome: RematchResult, title = 'Re-match'): string {
  const out: string[] = [`# ${title}`, '', `Status: **${outcome.status}**.`, ''];
  if (outcome.diagnosis.length > 0) out.push(...outcome.diagnosis.map((d) => `- ${d}`), '');
  if (outcome.exitClusters.length > 0) {
    out.push('## Exits cluster on one coach', '', ...outcome.exitClusters.map((c) => `- **${c.coachId}**: ${c.message} (${c.coacheeIds.join(', ')})`), '');
  }
  if (outcome.status === 'pinConflict') return withoutRawHtml(`${out.join('\n')}\n`);
  if (outcome.status === 'infeasible') out.push('No re-match is feasible: nobody is moved (see the diagnosis).', '');
  else {
    out.push(`Current pairs kept: ${outcome.kept}; changed: ${outcome.changed}; newly placed: ${outcome.newlyPlaced.length}.`, '', '## Moves', '');
    if (outcome.moves.length === 0) out.push('None.', '');
    else {
      out.push('| Coachee | From | To | Why |', '|---|---|---|---|');
      // Through markdownCell, as match's tables: a `|` in a name ended its cell (hunt J).
      for (const m of outcome.moves) out.push(`| ${[`${m.coacheeName} (${m.coacheeId})`, m.from, m.to ?? '–', describeMove(m.reason)].map(markdownCell).join(' | ')} |`);
      out.push('');
    }
  }
  if (outcome.refusedExits.length > 0) {
    out.push('## Exit requests not granted', '');
    const moveOf = new Map(outcome.moves.map((m) => [m.coacheeId, m]));
    for (const r of outcome.refusedExits) {
      const why =
        r.reason === 'noPlace'
          ? 'placing them with a coach better by the margin would leave someone without a place'
          : r.reason === 'cohortInfeasible'
            ? 'not decided: no re-match is feasible even with every exit refused (see the diagnosis above)'
            : r.reason === 'lowersTotal'
            ? // Not "strictly lowers": on a tie the solver's tie-break decides.
              `granting it would cost the others more than it gains (the re-match as a whole would not improve; it could have had ${r.bestCoachId}, own score ${signed(r.bestGain ?? 0)})`
            : `no coach is better by the margin${r.bestGain === null ? '' : ` (best: ${r.bestCoachId}, ${signed(r.bestGain)})`}`;
      // A refused exit keeps its pair unless the re-match moves it anyway (a full coach, a drop-out).
      const move = moveOf.get(r.coacheeId);
      const where = move === undefined ? `stays with ${r.coachId}` : move.to === null ? `loses ${r.coachId} all the same (see Moves)` : `moves from ${r.coachId} to ${move.to} all the same (see Moves)`;
      out.push(`- **${r.coacheeId}** ${where}: ${why}`);
    }
    out.push('');
  }
  if (outcome.mootExits.length > 0) {
    out.push('## Exit requests overtaken', '');
    for (const x of outcome.mootExits) {
      const gone = x.reason === 'coachDroppedOut' ? 'dropped out' : 'is inactive in the cohort';
      // Infeasible, there are no moves to point to: the coachee is not re-placed at all.
      const then = outcome.status === 'optimal' ? ' (see Moves)' : '; no re-match is feasible, so the coachee is not re-placed';
      out.push(`- **${x.coacheeId}** leaves ${x.coachId} in any case: the coach ${gone}, so the request is neither granted nor refused${then}`);
    }
    out.push('');
  }
  return withoutRawHtml(`${out.join('\n')}\n`);
}
