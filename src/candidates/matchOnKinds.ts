import type { Cohort } from '../model/cohort.js';
import type { Matching } from '../engine/matching.js';
import { grouped, type CandidateReport } from './candidateReport.js';
import { solverWeights } from './evaluatePairs.js';
import { cohortEvaluation, type CohortEvaluation } from './candidateContext.js';
import { coacheeKinds, kindWeights } from './coacheeKinds.js';
import { solveKinds } from './solveKinds.js';
import { defaultPairBudget } from './pairBudget.js';
import { exactTwins } from './exactTwins.js';
import { explainAssigned } from './explainAssigned.js';
import type { CandidateMatchInput } from './matchOnCandidates.js';
import type { PhaseClock } from './phaseClock.js';

/**
 * Most kinds × coaches pairs a match by kinds weighs: each is evaluated (2–4 µs), and the
 * solve's table holds one weight and one flow per pair.
 */
export const KIND_PAIRS = 2_000_000;

/** Kinds, as a share of the coachees, up to which matching by kinds is tried: beyond, twins are too few to pay. */
export const KIND_SHARE = 0.5;

/**
 * Matches a cohort whose coachees come in few kinds (exact twins: the same weight at every
 * coach, see exactTwins) on every pair at once: each kind weighed against every coach on its
 * first coachee, and the transportation problem of kinds × coaches, the full problem, solved
 * exactly and proven by its duals (see solveKinds: kinds ship coachees to coaches, or with
 * fewer places than coachees coaches ship places to kinds). A kind's coachees, in row order,
 * take its coaches in column order. Returns null (the candidate path then matches the cohort)
 * when the kinds are too many (see KIND_PAIRS, KIND_SHARE), a
 * solver other than flow is asked for, the places are too few and every coachee must be
 * placed, not every coachee (or place) can be placed, or the solve runs past its budget: each
 * of those the candidate path handles. The cohort's evaluation, once built, comes back with
 * the null, for the candidate path to start from.
 */
export function matchOnKinds(cohort: Cohort, input: CandidateMatchInput, clock: PhaseClock): { matching: Matching } | { matching: null; evaluation: CohortEvaluation | null } {
  const passed = (evaluation: CohortEvaluation | null = null) => ({ matching: null, evaluation });
  if (input.method !== 'auto' && input.method !== 'flow') return passed();
  const rows = cohort.coachees.length;
  const cols = cohort.coaches.filter((c) => c.active).length;
  const kinds = coacheeKinds(exactTwins(cohort));
  if (kinds === null) return passed();
  const count = kinds.first.length;
  if (count > KIND_SHARE * rows || count * cols > Math.min(KIND_PAIRS, input.candidates.pairBudget ?? defaultPairBudget(rows))) return passed();
  const { settings, policies, preset } = input;
  const evaluation = cohortEvaluation(cohort, settings, policies);
  const { evaluate, base } = evaluation;
  const { capacity, minLoad } = base.combined;
  const places = capacity.reduce((a, b) => a + b, 0);
  if (places < rows && !input.allowUnmatched) return passed(evaluation);
  const weight = kindWeights(Array.from(kinds.first), rows, cols, (pairs) => solverWeights(evaluate(pairs).combined));
  clock.lap('context', 0);
  const result = solveKinds(kinds, capacity, minLoad, weight, input.allowUnmatched);
  if (result === null) return passed(evaluation);
  clock.lap('solve', 1);
  const matching = explainAssigned(result, { evaluate, rows, capacity, settings, preset });
  const report: CandidateReport = {
    k: cols,
    rounds: 1,
    pairs: count * cols,
    allPairs: rows * cols,
    certified: true,
    clearedByBound: 0,
    clearedExactly: 0,
    addedPerRound: [],
    gap: 0,
    kinds: count,
    note: `certified: ${places >= rows ? `${grouped(rows)} coachee(s) of ${grouped(count)} kind(s) (exact twins, alike at every coach) all placed` : `${grouped(result.matched)} of ${grouped(rows)} coachee(s) of ${grouped(count)} kind(s) (exact twins, alike at every coach) placed, all ${grouped(places)} places filled, the most any matching places`}, and the ${grouped(count * cols)} pairs of each kind with every coach solved exactly: every pair of the full problem weighs as its kind's`,
  };
  clock.lap('finish', 1);
  return { matching: { ...matching, candidates: report } };
}

