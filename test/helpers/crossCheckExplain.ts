import { prepareMatch, toAssignmentProblem } from '../../src/engine/match.js';
import { explainMatching } from '../../src/explain/explainMatching.js';
import { solvePinned } from '../../src/explain/solvePinned.js';
import type { CohortInput } from '../../src/model/cohortSchema.js';
import { parseCohort } from '../../src/model/parseCohort.js';
import type { PolicyInput } from '../../src/model/policySettings.js';
import { solveAssignment } from '../../src/solver/solveAssignment.js';

/** What {@link crossCheckExplain} found for one cohort. */
export interface ExplainCrossCheck {
  readonly disagreements: string[];
  readonly status: 'optimal' | 'infeasible';
}

/**
 * Explains every coachee of a cohort (k alternatives, preferences left out) and prices every
 * allowed pair again by a whole re-solve with the pair pinned (javascript-lp-solver, independent
 * of explain's short lists and flow solves): each listed loss and count of unplaced must be the
 * re-solve's, and no pair left out may rank before the last one listed (fewer unplaced, or a
 * lower loss beyond rounding). Independent of vitest.
 */
export function crossCheckExplain(doc: CohortInput, policy: PolicyInput | undefined, allowUnmatched: boolean, k: number): ExplainCrossCheck {
  const prepared = prepareMatch(parseCohort(doc), { policy });
  const problem = toAssignmentProblem(prepared.combined, allowUnmatched);
  const result = solveAssignment(problem);
  if (result.status !== 'optimal') return { status: 'infeasible', disagreements: [] };
  const why = explainMatching(prepared, result, { k, allowUnmatched, includePreferences: false });
  if (why.status !== 'optimal') return { status: 'optimal', disagreements: ['explain said infeasible for an optimal result'] };
  const { coacheeIds, coachIds } = prepared.features;
  const tolerance = 1e-7 * (1 + Math.abs(result.objective));
  const disagreements: string[] = [];
  for (const coachee of why.coachees) {
    const row = coacheeIds.indexOf(coachee.coacheeId);
    const exact = new Map<number, { loss: number; unplaces: number }>();
    problem.weights![row]!.forEach((w, col) => {
      if (w === null || col === result.assignment[row] || problem.capacity![col] === 0) return;
      const forced = solvePinned(problem, [{ row, col }], 'lp');
      if (forced.status === 'optimal') exact.set(col, { loss: result.objective - forced.objective, unplaces: result.matched - forced.matched });
    });
    const listed = coachee.alternatives.map((a) => ({ a, col: coachIds.indexOf(a.coachId) }));
    for (const { a, col } of listed) {
      const truth = exact.get(col);
      if (truth === undefined) {
        if (a.loss !== null) disagreements.push(`${coachee.coacheeId} → ${a.coachId}: loss ${a.loss}, but the pair cannot be forced`);
        continue;
      }
      if (a.loss === null || Math.abs(a.loss - truth.loss) > tolerance || a.unplaces !== truth.unplaces) {
        disagreements.push(`${coachee.coacheeId} → ${a.coachId}: loss ${a.loss} (${a.unplaces} unplaced), a whole re-solve ${truth.loss} (${truth.unplaces})`);
      }
    }
    const last = listed.at(-1);
    const lastTruth = last === undefined ? undefined : exact.get(last.col);
    if (listed.length < Math.min(k, exact.size)) disagreements.push(`${coachee.coacheeId}: ${listed.length} alternatives of ${Math.min(k, exact.size)} that can be forced`);
    if (lastTruth === undefined) continue;
    const shown = new Set(listed.map((l) => l.col));
    for (const [col, truth] of exact) {
      if (shown.has(col)) continue;
      const before = truth.unplaces < lastTruth.unplaces || (truth.unplaces === lastTruth.unplaces && truth.loss < lastTruth.loss - tolerance);
      if (before) disagreements.push(`${coachee.coacheeId}: ${coachIds[col]} (loss ${truth.loss}, ${truth.unplaces} unplaced) ranks before the last listed, ${last!.a.coachId} (${lastTruth.loss})`);
    }
  }
  return { status: 'optimal', disagreements };
}
