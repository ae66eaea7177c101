import { sparsePairSet } from '../features/pairSet.js';
import type { Cohort } from '../model/cohort.js';
import { buildRelationIndex } from '../policies/relationIndex.js';
import { solveTransportation, transportationProven } from '../solver/transportation.js';
import type { Matching } from '../engine/matching.js';
import { grouped, type CandidateReport } from './candidateReport.js';
import { evaluatePairs, solverWeights } from './evaluatePairs.js';
import { coacheeKinds, coacheeResult, kindWeights } from './coacheeKinds.js';
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
 * Pairs a solve by kinds may read, per pair of its problem, before it gives up and the
 * candidate rounds take over (see solveTransportation's budget): 100,000 × 10,000 of 15 kinds
 * read 1.9 a pair, 20,000 × 3,000 of 15 kinds 1.1.
 */
const READS_PER_PAIR = 200;

/**
 * Matches a cohort whose coachees come in few kinds (exact twins: the same weight at every
 * coach, see exactTwins) on every pair at once: a kind is one source whose supply is its
 * coachees, weighed against every coach on its first coachee, and the transportation problem of
 * kinds × coaches is the full problem, solved exactly (see solveTransportation) and proven by
 * its duals (see transportationProven). A kind's coachees, in row order, take its coaches in
 * column order. Returns null (the candidate path then matches the cohort) when the kinds are
 * too many (see KIND_PAIRS, KIND_SHARE) or the places too few for every coachee, a coach has a
 * minimum load, a solver other than flow is asked for, the coachees cannot all be placed, or the
 * solve runs past its budget: each of those the candidate path handles.
 */
export function matchOnKinds(cohort: Cohort, input: CandidateMatchInput, clock: PhaseClock): Matching | null {
  if (input.method !== 'auto' && input.method !== 'flow') return null;
  const rows = cohort.coachees.length;
  const cols = cohort.coaches.filter((c) => c.active).length;
  const kinds = coacheeKinds(exactTwins(cohort));
  if (kinds === null) return null;
  const count = kinds.first.length;
  if (count > KIND_SHARE * rows || count * cols > Math.min(KIND_PAIRS, input.candidates.pairBudget ?? Infinity)) return null;
  const { settings, policies, preset } = input;
  const relations = buildRelationIndex(cohort);
  const evaluate = (pairs: Parameters<typeof evaluatePairs>[4]) => evaluatePairs(cohort, settings, policies, relations, pairs);
  const base = evaluate(sparsePairSet(rows, cols, new Int32Array(rows + 1), new Int32Array(0)));
  const { capacity, minLoad } = base.combined;
  if (minLoad.some((m) => m > 0) || capacity.reduce((a, b) => a + b, 0) < rows) return null;
  const weight = kindWeights(Array.from(kinds.first), rows, cols, (pairs) => solverWeights(evaluate(pairs).combined));
  clock.lap('context', 0);
  // Every kind on every coach: the table's rows as compressed rows.
  const rowStart = new Int32Array(count + 1);
  const colIndex = new Int32Array(count * cols);
  for (let g = 0; g < count; g++) {
    rowStart[g + 1] = (g + 1) * cols;
    for (let j = 0; j < cols; j++) colIndex[g * cols + j] = j;
  }
  const problem = { sources: count, sinks: cols, supply: kinds.size, capacity, rowStart, colIndex, weight };
  const solved = solveTransportation(problem, READS_PER_PAIR * count * cols);
  if (solved.status !== 'optimal' || !transportationProven(problem, solved.flow, solved.sourceDual, solved.sinkDual)) return null;
  const result = coacheeResult(kinds.kindOf, problem, solved.flow, solved.sourceDual, solved.sinkDual);
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
    note: `certified: ${grouped(rows)} coachee(s) of ${grouped(count)} kind(s) (exact twins, alike at every coach) all placed, and the ${grouped(count * cols)} pairs of each kind with every coach solved exactly: every pair of the full problem weighs as its kind's`,
  };
  clock.lap('finish', 1);
  return { ...matching, candidates: report };
}

