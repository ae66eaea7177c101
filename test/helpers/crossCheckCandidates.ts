import fc from 'fast-check';
import { match, prepareMatch, toAssignmentProblem } from '../../src/engine/match.js';
import type { Matching } from '../../src/engine/matching.js';
import type { CohortInput } from '../../src/model/cohortSchema.js';
import { parseCohort } from '../../src/model/parseCohort.js';
import type { PolicyInput } from '../../src/model/policySettings.js';
import type { Policy } from '../../src/policies/policy.js';
import { alikeCohort, kindsCohort } from './alikeCohort.js';
import { cohortArbitrary, policyOverridesArbitrary, withMissingIdentity } from './cohortArbitrary.js';
import { asAssignment, type MatchCrossCheck } from './crossCheckMatch.js';
import { resultDefects } from './resultDefects.js';

/** Candidate settings a cross-check runs with (the every-pair fallback off unless given). */
export interface CandidateCheckSettings {
  readonly k: number;
  readonly maxRounds: number;
  readonly fallbackPairs?: number;
  readonly byKinds?: boolean;
  readonly pairBudget?: number;
  /** The policies both matches run (default: the built-in list). */
  readonly policies?: readonly Policy[];
}

/**
 * Matches a cohort document on candidate pairs (the every-pair fallback off, so that small
 * cohorts take the large-cohort path) and on every pair, and lists what the candidate result
 * claims that the dense one does not bear out. A certified result must have the dense status,
 * the dense number matched and the dense objective, up to the certificate's tolerance
 * (10^-9 · (unit + duals) a pair: at most 10^-9 · rows · max(unit, |objective|) here, the unit
 * being `weightScale`, the policy's scale, 1 unless its weights were scaled down); a certified
 * infeasible one, a dense infeasible. An uncertified one must be `feasible` or `unknown`, place
 * no more than dense, stay below the dense objective when it places as many, and have the
 * dense optimum within the gap it states. Every candidate matching is read back against the
 * dense problem: allowed pairs, capacities, minimum loads, objective the sum of its weights.
 * Independent of vitest, so the soak script can use it too.
 */
export function crossCheckCandidates(doc: CohortInput, policy: PolicyInput | undefined, allowUnmatched: boolean, settings: CandidateCheckSettings, weightScale = 1): MatchCrossCheck {
  const disagreements: string[] = [];
  const cohort = parseCohort(doc);
  let dense: Matching;
  let sparse: Matching;
  try {
    const { policies, ...candidateSettings } = settings;
    const chosen = policies === undefined ? {} : { policies };
    dense = match(cohort, { policy, allowUnmatched, candidates: 'never', ...chosen });
    sparse = match(cohort, { policy, allowUnmatched, candidates: 'always', candidateSettings: { fallbackPairs: 0, ...candidateSettings }, ...chosen });
  } catch (error) {
    return { disagreements: [`match threw ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`], status: 'error' };
  }
  const report = sparse.candidates;
  if (report === undefined) return { disagreements: ['no candidate report'], status: 'error' };
  const tolerance = 1e-9 * cohort.coachees.length * Math.max(weightScale, Math.abs(dense.objective ?? 0));
  const say = (what: string) => disagreements.push(`${what} (candidate note: ${report.note})`);
  if (sparse.status !== 'infeasible' && sparse.status !== 'unknown') {
    const prepared = prepareMatch(cohort, { policy, ...(settings.policies === undefined ? {} : { policies: settings.policies }) });
    const problem = toAssignmentProblem(prepared.combined, allowUnmatched);
    const assignment = asAssignment(sparse, prepared.features.coacheeIds, prepared.features.coachIds);
    const loads = prepared.features.coachIds.map((_, j) => assignment.filter((c) => c === j).length);
    const readBack = { status: 'optimal' as const, method: 'flow' as const, objective: sparse.objective!, assignment, loads, matched: assignment.filter((c) => c !== null).length, duals: { row: [], col: [] } };
    for (const defect of resultDefects(problem, readBack)) say(`candidate matching: ${defect}`);
  }
  if (report.certified) {
    if (sparse.status !== dense.status) say(`certified ${sparse.status}, dense ${dense.status}`);
    else if (dense.status === 'optimal') {
      if (sparse.kpis.matched !== dense.kpis.matched) say(`certified with ${sparse.kpis.matched} matched, dense ${dense.kpis.matched}`);
      if (Math.abs(sparse.objective! - dense.objective!) > tolerance) say(`certified objective ${sparse.objective}, dense ${dense.objective}`);
    }
  } else {
    if (sparse.status !== 'feasible' && sparse.status !== 'unknown') say(`uncertified yet ${sparse.status}`);
    if (sparse.status === 'feasible') {
      if (dense.status !== 'optimal') say(`feasible on candidates, dense ${dense.status}`);
      else if (sparse.kpis.matched > dense.kpis.matched) say(`places ${sparse.kpis.matched}, more than dense ${dense.kpis.matched}`);
      else if (sparse.kpis.matched === dense.kpis.matched) {
        if (sparse.objective! > dense.objective! + tolerance) say(`objective ${sparse.objective} above dense ${dense.objective}`);
        if (report.gap !== null && dense.objective! > sparse.objective! + report.gap + tolerance) say(`dense ${dense.objective} beyond the stated gap ${report.gap} over ${sparse.objective}`);
      }
    }
  }
  return { disagreements, status: sparse.status };
}

/**
 * A cohort for {@link crossCheckCandidates}: random (some with identity data missing, whose
 * pair-dependent bans the bounds cannot see), with every coachee a copy of the first (rows
 * alike, shared lists), or with coachees told apart by a gender and a sector alone (a few
 * kinds of exact twins, some kept apart by relations), or with coachees copies of a few (exact
 * twins, sometimes with coachees of their own, sometimes with room for all); random policy overrides, strict or
 * not, k 1–4, up to 20 rounds, coachees of few kinds matched by kind or in rounds.
 */
export const candidateCheckCase = fc.record({
  doc: fc.oneof(
    { weight: 2, arbitrary: cohortArbitrary({ maxCoaches: 12, maxCoachees: 30 }) },
    { weight: 1, arbitrary: withMissingIdentity(cohortArbitrary({ maxCoaches: 12, maxCoachees: 30 })) },
    { weight: 1, arbitrary: cohortArbitrary({ maxCoaches: 12, maxCoachees: 30 }).map((doc) => alikeCohort(doc as unknown as Record<string, unknown>, 'coachees') as unknown as CohortInput) },
    { weight: 1, arbitrary: cohortArbitrary({ maxCoaches: 12, maxCoachees: 30 }).map((doc) => alikeCohort(doc as unknown as Record<string, unknown>, 'fewKinds') as unknown as CohortInput) },
    {
      weight: 2,
      arbitrary: fc
        .tuple(cohortArbitrary({ maxCoaches: 12, maxCoachees: 30 }), fc.integer({ min: 1, max: 4 }), fc.boolean(), fc.boolean())
        .map(([doc, kinds, singletons, roomy]) => kindsCohort(doc as unknown as Record<string, unknown>, kinds, singletons, roomy) as unknown as CohortInput),
    },
  ),
  policy: policyOverridesArbitrary,
  allowUnmatched: fc.boolean(),
  k: fc.integer({ min: 1, max: 4 }),
  byKinds: fc.boolean(),
});
