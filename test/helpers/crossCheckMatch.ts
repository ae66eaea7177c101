import { match, prepareMatch, toAssignmentProblem } from '../../src/engine/match.js';
import type { Matching } from '../../src/engine/matching.js';
import type { CohortInput } from '../../src/model/cohortSchema.js';
import { parseCohort } from '../../src/model/parseCohort.js';
import type { PolicyInput } from '../../src/model/policySettings.js';
import { crossCheckProblem } from './crossCheckProblem.js';
import { closeObjectives, resultDefects } from './resultDefects.js';

/** What {@link crossCheckMatch} found for one cohort. */
export interface MatchCrossCheck {
  readonly disagreements: string[];
  readonly status: Matching['status'] | 'error';
}

/** The matching read back as a solver result over the prepared problem's rows and columns. */
export function asAssignment(matching: Matching, coacheeIds: readonly string[], coachIds: readonly string[]) {
  const col = new Map(coachIds.map((id, j) => [id, j]));
  const byCoachee = new Map(matching.coachees.map((e) => [e.coacheeId, e.status === 'matched' ? e.coachId : null]));
  return coacheeIds.map((id) => {
    const coach = byCoachee.get(id);
    return coach === null || coach === undefined ? null : (col.get(coach) ?? -1);
  });
}

/**
 * Matches a cohort document with `method: 'flow'` and with `method: 'lp'` and lists every
 * disagreement (status, objective, number matched) and every defect of either matching
 * against the problem the policies built: each is read back as an assignment and checked
 * for feasibility and for an objective equal to the sum of its chosen weights. The prepared
 * problem itself goes through {@link crossCheckProblem} as well. Independent of vitest.
 */
export function crossCheckMatch(doc: CohortInput, policy?: PolicyInput, allowUnmatched = true): MatchCrossCheck {
  const disagreements: string[] = [];
  const cohort = parseCohort(doc);
  const prepared = prepareMatch(cohort, { policy });
  const problem = toAssignmentProblem(prepared.combined, allowUnmatched);
  disagreements.push(...crossCheckProblem(problem).disagreements.map((d) => `prepared problem: ${d}`));
  const { coacheeIds, coachIds } = prepared.features;
  const matchings: Matching[] = [];
  for (const method of ['flow', 'lp'] as const) {
    let matching: Matching;
    try {
      matching = match(cohort, { policy, method, allowUnmatched });
    } catch (error) {
      disagreements.push(`match with ${method} threw ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`);
      continue;
    }
    matchings.push(matching);
    const seen = matching.coachees.map((e) => e.coacheeId).sort();
    if (JSON.stringify(seen) !== JSON.stringify([...coacheeIds].sort())) disagreements.push(`${method}: coachee entries differ from the cohort's coachees`);
    if (matching.status === 'optimal') {
      const assignment = asAssignment(matching, coacheeIds, coachIds);
      const loads = coachIds.map((_, j) => assignment.filter((c) => c === j).length);
      const readBack = {
        status: 'optimal' as const,
        method,
        objective: matching.objective!,
        assignment,
        loads,
        matched: assignment.filter((c) => c !== null).length,
        duals: { row: [], col: [] },
      };
      for (const defect of resultDefects(problem, readBack)) disagreements.push(`${method} matching: ${defect}`);
      if (matching.kpis.matched !== readBack.matched) disagreements.push(`${method}: kpis.matched ${matching.kpis.matched} vs ${readBack.matched} matched entries`);
    } else if (matching.diagnosis.length === 0) {
      disagreements.push(`${method}: infeasible without a diagnosis`);
    }
  }
  const [flow, lp] = matchings;
  if (flow !== undefined && lp !== undefined) {
    if (flow.status !== lp.status) disagreements.push(`flow says ${flow.status}, lp says ${lp.status}`);
    else if (flow.status === 'optimal') {
      if (!closeObjectives(flow.objective!, lp.objective!)) disagreements.push(`flow finds ${flow.objective}, lp ${lp.objective}`);
      if (flow.kpis.matched !== lp.kpis.matched) disagreements.push(`flow matches ${flow.kpis.matched}, lp ${lp.kpis.matched}`);
    }
  }
  return { disagreements, status: flow?.status ?? lp?.status ?? 'error' };
}
