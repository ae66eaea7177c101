import type { PairSet } from '../features/pairSet.js';
import type { Cohort } from '../model/cohort.js';
import type { Matching } from '../engine/matching.js';
import { grouped, type CandidateReport } from './candidateReport.js';
import { solverWeights } from './evaluatePairs.js';
import { cohortEvaluation, type CohortEvaluation } from './candidateContext.js';
import { kindWeights } from './coacheeKinds.js';
import { kindExceptions } from './kindExceptions.js';
import { KIND_PAIRS, KIND_SHARE } from './matchOnKinds.js';
import { defaultPairBudget } from './pairBudget.js';
import { recordKinds } from './recordKinds.js';
import { waiverRisk } from './reuseWeights.js';
import { solveNearKinds } from './solveNearKinds.js';
import { explainAssigned } from './explainAssigned.js';
import type { CandidateMatchInput } from './matchOnCandidates.js';
import type { PhaseClock } from './phaseClock.js';

/**
 * Matches a cohort whose coachees come in few kinds by their own records (attributes,
 * aspiration, needs, priority) but not all exact twins: some have relations, preferred,
 * avoided or current coaches. Each such coachee weighs as its kind at every coach but a few
 * (its exceptions: see kindExceptions), so the kinds' weights against every coach and the
 * exceptions' own weights are the whole problem, solved exactly (see solveNearKinds). Returns
 * the matching, or null with the cohort's evaluation when built (the candidate rounds then
 * take over): when the kinds are too many (as matchOnKinds), the places are fewer than the coachees and
 * every coachee must be placed, a waiver could touch an exception's weight, a solver other than flow is asked for, or the
 * solve does not settle it.
 */
export function matchOnNearKinds(cohort: Cohort, input: CandidateMatchInput, clock: PhaseClock, built: CohortEvaluation | null): { matching: Matching } | { matching: null; evaluation: CohortEvaluation | null } {
  const passed = (evaluation: CohortEvaluation | null = built) => ({ matching: null, evaluation });
  if (input.method !== 'auto' && input.method !== 'flow') return passed();
  const rows = cohort.coachees.length;
  const cols = cohort.coaches.filter((c) => c.active).length;
  // Kinds × coaches are all weighed: as many as a match by kinds allows.
  const byRecord = recordKinds(cohort, Math.min(Math.floor(KIND_SHARE * rows), Math.floor(Math.min(KIND_PAIRS, input.candidates.pairBudget ?? defaultPairBudget(rows)) / Math.max(1, cols))));
  if (byRecord === null) return passed();
  const count = byRecord.size.length;
  const { settings, policies, preset } = input;
  const evaluation = built ?? cohortEvaluation(cohort, settings, policies);
  const { evaluate, base } = evaluation;
  const { capacity, minLoad } = base.combined;
  const places = capacity.reduce((a, b) => a + b, 0);
  if (places < rows && !input.allowUnmatched) return passed(evaluation);
  const weigh = (pairs: PairSet) => solverWeights(evaluate(pairs).combined);
  // A kind whose bans the full problem waives (they would leave it no coach) is weighed as
  // waived, and its coachees' exceptions, evaluated on their own, would not be.
  const firstPlain = new Set(byRecord.plainFirst);
  let waivedKind = false;
  const generic = kindWeights(Array.from(byRecord.plainFirst), rows, cols, (pairs) => {
    const { combined } = evaluate(pairs);
    waivedKind ||= combined.waived.some((ban) => firstPlain.has(ban.row));
    return solverWeights(combined);
  });
  if (waivedKind) return passed(evaluation);
  const { kinds, exceptions, witnessed } = kindExceptions(cohort, byRecord, base, weigh, generic);
  // An exception's or a witness's weight is as the full problem's only if no waiver can touch its row's evaluation.
  const mayWaive = waiverRisk(base.combined.bans, rows, cols, capacity);
  for (let i = 0; i < rows; i++) {
    const own = exceptions.rowStart[i + 1]! - exceptions.rowStart[i]!;
    if (own > 0 && mayWaive(i, own)) return passed(evaluation);
  }
  for (const [i, columns] of witnessed) if (mayWaive(i, columns.length)) return passed(evaluation);
  clock.lap('context', 0);
  const solved = solveNearKinds({ kinds, generic, exceptions, capacity, minLoad });
  if (solved === null) return passed(evaluation);
  clock.lap('solve', 1);
  const matching = explainAssigned(solved.result, { evaluate, rows, capacity, settings, preset });
  const exceptional = rows - kinds.plain.reduce((n, x) => n + x, 0);
  const report: CandidateReport = {
    k: cols,
    rounds: solved.solves,
    pairs: solved.pairs,
    allPairs: rows * cols,
    certified: true,
    clearedByBound: 0,
    clearedExactly: 0,
    addedPerRound: solved.addedPerRound,
    gap: 0,
    kinds: count,
    lone: solved.lone,
    note: `certified: ${places >= rows ? `${grouped(rows)} coachee(s) of ${grouped(count)} kind(s) by their own records all placed` : `${grouped(solved.result.matched)} of ${grouped(rows)} coachee(s) of ${grouped(count)} kind(s) by their own records placed, all ${grouped(places)} places filled, the most any matching places`}; ${grouped(exceptional)} of them weigh otherwise at a few coaches (relations, preferred, avoided or current coaches), weighed exactly there, and as their kind at every other coach; ${grouped(solved.lone)} solved one by one, the rest by kind; the ${grouped(solved.pairs)} pairs of the last of ${grouped(solved.solves)} solve(s) proven optimal by their duals, which cover every pair of the full problem`,
  };
  clock.lap('finish', 1);
  return { matching: { ...matching, candidates: report } };
}

