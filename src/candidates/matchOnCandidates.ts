import { CoachmatchError } from '../errors.js';
import { sparsePairSet, type PairSet } from '../features/pairSet.js';
import type { Cohort } from '../model/cohort.js';
import type { PolicySettings } from '../model/policySettings.js';
import type { Policy } from '../policies/policy.js';
import { solveAssignment, solveTuned } from '../solver/solveAssignment.js';
import { SolveWorkspace } from '../solver/solveWorkspace.js';
import { laterTwinShare } from '../solver/twinRows.js';
import { pairRoom, type PairRoom } from '../memory/roundBuffers.js';
import type { AssignmentResult, Diagnosis, SolverMethod, WarmStart } from '../solver/types.js';
import type { Matching } from '../engine/matching.js';
import { grouped, type CandidateReport } from './candidateReport.js';
import { matchOnKinds } from './matchOnKinds.js';
import { matchOnNearKinds } from './matchOnNearKinds.js';
import { BYTES_PER_PAIR, defaultPairBudget } from './pairBudget.js';
import type { Certifier } from './certifier.js';
import { KEPT_PER_ROW } from './certifyCandidates.js';
import { allColumns, mergeColumns } from './columnLists.js';
import type { PairBounds } from './pairBounds.js';
import { reuseWeights, twinsOnOneList, type WeighedPairs } from './reuseWeights.js';
import { candidateContext, type CandidateContext } from './candidateContext.js';
import { certificateCap } from './certificateCap.js';
import { CandidateHelper } from './candidateHelper.js';
import { packCandidates } from './packedSelection.js';
import { selectCandidates } from './selectCandidates.js';
import { placeableRows, reachablePlaces } from './placementBounds.js';
import { firstSelection } from './firstSelection.js';
import { shortPlacement } from './shortPlacement.js';
import { newPlacesRoom, solveByPlaces } from './solveByPlaces.js';
import { PhaseClock, type CandidatePhase } from './phaseClock.js';
import { widenForCardinality } from './widenForCardinality.js';
import { explainAssigned } from './explainAssigned.js';
import { widenForPlacesShared } from './widenForPlaces.js';
import { alikeRows, shareAmongAlike } from './shareAmongAlike.js';
import { fullProblemDiagnosis } from './fullProblemDiagnosis.js';
import { checkPlacement } from './placementCheck.js';
import { checkMinLoads } from './minLoadCheck.js';
import { minLoadUnreachable } from '../solver/diagnose.js';
import { checkBoundablePolicies } from './boundablePolicies.js';

/**
 * Widenings by bound that a placement may still need at its last gain before the candidates are
 * widened harder (see widenStalled). Waiting for a widening that gains nothing, a placement
 * crawling up 3–5 coachees a round never had the placement check (red team 7, case 305: 2,400 ×
 * 2,100, hardMinDifference). Not tuned.
 */
const SLOW_GAIN_WIDENINGS = 4;

/** What an uncertified result's note advises, unless the rounds found out more. */
const DEFAULT_ADVICE = 'raise candidates.k or maxRounds';

export { PAIR_BUDGET, defaultPairBudget } from './pairBudget.js';

const PAIR_BUDGET_ADVICE = `raise candidates.pairBudget (about ${BYTES_PER_PAIR} bytes of memory a pair)`;

/**
 * Pairs a match may evaluate to settle what bounds cannot: how many coachees the full problem
 * places (see checkPlacement), and whether it meets the minimum loads (see checkMinLoads); as
 * many as the dense path would build at most. Each costs 2–4 µs: on
 * red team 6's 2,100 × 2,001 cohorts (hardMinDifference, identity data missing) a check
 * evaluated 0.46–0.90 million pairs in 1.8–3.1 s, two or three checks a match, and the matches
 * then ended certified at the dense optimum instead of 1.2% (before that, 4–5%) below it.
 */
export const FULL_PROBLEM_CHECK_PAIRS = 20_000_000;

/**
 * What to do when no pair left out could place another coachee: the bound on how many the full
 * problem places leaves out the bans that depend on the pair, so it may be out of reach.
 */
const OUT_OF_REACH_ADVICE =
  "the bound may be out of reach (bans that depend on the pair, such as a hard minimum difference, are not in it); every pair (candidates: 'never', or --candidates never; up to 20,000,000 pairs) settles it, a larger k may";

/** Pairs up to which a question the candidates cannot settle (placement, feasibility) is settled on every pair. */
export const EVERY_PAIR_FALLBACK = 4_000_000;

/**
 * Violators kept per row double, up to this many, after each round whose certificate found more
 * than {@link STALLED_SHARE} of the violations of the round before. Coachees the features cannot
 * tell apart (a cohort that records little more than a gender and a sector) share their
 * candidates and violators, so each round gave a whole kind of coachee the same 8 coaches,
 * though it needs as many as hold its members. 20,000 × 3,000 cohorts of 15 kinds, short of
 * places or with places to spare, took 16 rounds without a certificate (60 and 46 s); with
 * this rule they are certified in 10 and 8 rounds (64 and 34 s), and a cohort of identical
 * coachees in 6 rounds instead of 9 (31 s, was 39 s). Cohorts whose violations fall fast keep
 * 8 (bench/LARGE.md's 40k-tight and 100k: the same rounds and pairs as before).
 */
const MOST_KEPT_PER_ROW = 64;
const STALLED_SHARE = 0.5;

/**
 * Violations a row, on average, below which a partial certificate is followed by a full one
 * (see matchWith): the violators off the rows' lists show up a round sooner. bench/LARGE.md's
 * 40k-tight, whose third partial certificate found 93 violations, then a round later its full
 * one 14,602: with 0.01 it takes 6 solves instead of 7 (17.9 / 18.4 / 18.8 s against
 * 19.0 / 19.0 / 20.8 s, alternated); 40k, 40k-scarce and 10k-scarce take the same rounds and
 * add the same pairs as with 0.001. (Measured before certificateCap: 40k-tight's third
 * certificate is now full from the start, the second having found 0.1 violations a coachee.)
 */
const FEW_VIOLATIONS_PER_ROW = 0.01;

/**
 * Added pairs per row up to which the places' solve (see solveByPlaces) starts from the
 * previous round's solution; its vacancies are coachees and cheap to settle. (The coachees'
 * solve is always handed the previous solution: the flow solver decides how to use it, see
 * FlowTuning.rebidShare.) Mending the last round's solution against a cold solve, at
 * 40,000 × 4,000 with 3–7 places 1.3 / 3.8 s with 11,142 added pairs (0.28 a coachee) and
 * 1.4–1.6 / 4.0–4.3 s with 10,388; at 10,000 × 1,000 0.2 / 0.6 s with 389. Not measured beyond.
 */
const WARM_PLACES_SHARE = 0.5;

/**
 * Share of the coachees that must stay unplaced for the places' solve (see solveByPlaces) to
 * pay. Its rows are places, each holding its coach's whole candidate list, and with few
 * coachees to spare its searches run long; the coachees' solve then does better, its
 * "unmatched" column holding few. Match time by places / by coachees, synthetic cohorts
 * (capacities 1–12, scaled to the share of places per coachee): 10,000 × 1,500 at 0.7 places
 * per coachee 6.5 / 9.2 s, 0.8 8.2 / 5.6 s, 0.9 9.6 / 6.0 s, 0.976 13.9 / 9.1 s; 40,000 × 4,000
 * at 0.75 55 / 114 s, 0.9 115 / 71 s, 0.976 over 240 / 39 s.
 */
const PLACES_SOLVE_UNPLACED = 0.25;

/**
 * Spread of the row multipliers (priorities: the largest over the least above 0) beyond which
 * the places' solve is kept with fewer coachees to spare: the coachees' solve slows down with
 * weights of very different scales. By places / by coachees, 10,000 × 1,500 at 0.976 places per
 * coachee: priorities 1–3 20.8 / 6.2 s, 1–10 20.3 / 10.1 s, 1–100 21.5 / 40.0 s, 1 and 10^6
 * 15.6 / 71.0 s, 0, 1 and 10^6 12.1 / 95.6 s.
 */
const PLACES_SOLVE_SPREAD = 30;

/**
 * Pairs (rows × cols) from which a helper thread shares the scans: the 40k bench case (1.6 × 10^8)
 * and up, not the 10k ones (10^7). Not tuned: the crossover was not measured.
 */
export const PARALLEL_PAIRS = 100_000_000;

/**
 * Pairs (rows × cols) from which a coachee starts from {@link LARGE_K} candidates rather than
 * {@link SMALL_K}. Measured on bench/LARGE.md's synthetic cohorts: at 40,000 × 4,000 and
 * 100,000 × 10,000, 48 candidates leave the first certificate few violations (10,117 against
 * 305,535 at 100k), so 3 solves do instead of 5 (100k: 32.8–35.2 s against 38.6–42.3 s in
 * alternating runs, peak RSS 1.48–1.54 GB against 1.30–1.43 GB; 40k:
 * 12.2 s against 13.5 s); at 10,000 × 1,000 the two took about as long, and with fewer places
 * than coachees 48 took longer (7.3 s against 4.9 s).
 */
export const LARGE_K_PAIRS = 100_000_000;
const SMALL_K = 32;
const LARGE_K = 48;

/** The number of candidates per coachee to start from when none is set: see {@link LARGE_K_PAIRS}. */
export function defaultCandidateK(rows: number, cols: number): number {
  return rows * cols >= LARGE_K_PAIRS ? LARGE_K : SMALL_K;
}

/** Candidate generation settings. */
export interface CandidateSettings {
  /** Coaches per coachee chosen by fit before the certificate adds any (default {@link defaultCandidateK}: 32, or 48 from 10^8 pairs). */
  readonly k?: number;
  /** Solves at most; a matching not certified by then is returned with status `feasible`. */
  readonly maxRounds: number;
  /**
   * Candidate pairs the rounds may grow to (default {@link defaultPairBudget}: what keeps a match within about
   * 1.85 GB, at most {@link PAIR_BUDGET}; Infinity: no limit). A
   * round whose pairs would lie beyond it is not solved: the last solve's matching is returned
   * unproven (status `feasible`), with the gap its certificate found, if any. The first round's
   * pairs (k per coachee, the favoured, and what placing everyone needs) are solved whatever
   * the budget.
   */
  readonly pairBudget?: number;
  /** Pairs from which a second thread shares the scans (default {@link PARALLEL_PAIRS}; Infinity: never). */
  readonly parallelPairs?: number;
  /**
   * Pairs up to which a question the candidates cannot settle (how many coachees the full
   * problem places, why it places too few) is settled on every pair at once (default
   * {@link EVERY_PAIR_FALLBACK}; 0: never). Beyond it the pairs that could settle it are
   * evaluated (see checkPlacement), and the rest is bounded.
   */
  readonly fallbackPairs?: number;
  /**
   * Pairs the checks beyond the fallback (checkPlacement, checkMinLoads) may evaluate in all
   * (default {@link FULL_PROBLEM_CHECK_PAIRS}; 0: none). A check that would need more leaves
   * its question open, and the result says so rather than claim what it did not prove.
   */
  readonly checkPairs?: number;
  /**
   * Whether coachees that come in few kinds are matched by kind (default true): each kind
   * weighed against every coach and solved as one source of as many coachees, for kinds of
   * exact twins (see matchOnKinds) and for kinds by record whose coachees have relations or
   * wishes of their own (see matchOnNearKinds). False keeps every coachee a row of the
   * candidate rounds.
   */
  readonly byKinds?: boolean;
  /**
   * Hears of each phase of the match as it ends, with its wall time (see {@link CandidatePhase}):
   * where a large cohort's time goes. Not called without it; the matching is the same either way.
   */
  readonly onPhase?: (phase: CandidatePhase) => void;
}

/** What {@link matchOnCandidates} needs besides the cohort. */
export interface CandidateMatchInput {
  readonly settings: PolicySettings;
  readonly policies: readonly Policy[];
  readonly allowUnmatched: boolean;
  readonly method: SolverMethod;
  readonly preset: string;
  readonly candidates: CandidateSettings;
}

/**
 * Matches a large cohort without building every pair: each coachee's k best coaches by fit
 * (plus preferred and current coaches), an exact sparse solve, then a certificate over all
 * other pairs from the solve's duals. Pairs the certificate finds able to improve the total
 * are added and the problem solved again, until nothing outside can improve it (status
 * `optimal`, `candidates.certified`) or the rounds run out (status `feasible`: a valid
 * matching whose optimality is not proven, said in `candidates.note`).
 */
export function matchOnCandidates(cohort: Cohort, input: CandidateMatchInput): Matching {
  const { settings, policies } = input;
  const rows = cohort.coachees.length;
  const cols = cohort.coaches.filter((c) => c.active).length;
  const { k = defaultCandidateK(rows, cols), maxRounds } = input.candidates;
  if (!Number.isInteger(k) || k < 1 || !Number.isInteger(maxRounds) || maxRounds < 1) {
    throw new CoachmatchError('invalidArgument', `candidate settings need whole numbers k >= 1 and maxRounds >= 1, got ${JSON.stringify(input.candidates)}`);
  }
  // Before the kinds: they weigh a kind on one coachee, which a policy of the caller's may not allow.
  checkBoundablePolicies(policies);
  const clock = new PhaseClock(input.candidates.onPhase);
  // Coachees of few kinds are matched on every pair at once, by kind.
  const byKinds = input.candidates.byKinds === false ? null : matchOnKinds(cohort, input, clock);
  if (byKinds?.matching) return byKinds.matching;
  const byNearKinds = input.candidates.byKinds === false ? null : matchOnNearKinds(cohort, input, clock, byKinds?.evaluation ?? null);
  if (byNearKinds?.matching) return byNearKinds.matching;
  // Started first: the helper builds its own bounds while this thread builds these.
  const helper = rows * cols >= (input.candidates.parallelPairs ?? PARALLEL_PAIRS) && rows >= 2 ? CandidateHelper.start(cohort, settings, policies) : null;
  try {
    const context = candidateContext(cohort, settings, policies, byNearKinds?.evaluation ?? undefined);
    clock.lap('context', 0);
    return matchWith(input, k, context, helper, clock);
  } finally {
    helper?.close();
  }
}

/** {@link matchOnCandidates} once the cohort's context is built and k is settled. */
function matchWith(input: CandidateMatchInput, k: number, context: CandidateContext, helper: CandidateHelper | null, clock: PhaseClock): Matching {
  const { settings, allowUnmatched, preset } = input;
  const { rows, cols, evaluate, exactWeights, mayWaive, base, bounds } = context;
  const { capacity, minLoad } = base.combined;
  const canPlace = placeableRows(base.combined.bans, rows, cols, capacity);
  let placeable = 0;
  for (let i = 0; i < rows; i++) placeable += canPlace[i]!;
  const capacityTotal = capacity.reduce((a, b) => a + b, 0);
  const reach = reachablePlaces(base.combined.bans, canPlace, placeable, cols, capacity);
  // At most this many coachees can be placed: a bound until a placement check proves it (see checkPlacement).
  let mostPlaced = Math.min(placeable, reach.reduce((a, b) => a + b, 0));
  // Fewer places than coachees, every place fillable, and a quarter or more of the coachees
  // left over or priorities far apart: solve with places as rows (see solveByPlaces,
  // PLACES_SOLVE_UNPLACED and PLACES_SOLVE_SPREAD). Until a placement check proves fewer
  // placeable than the places: then no solve by places could succeed. Every place filled meets
  // every minimum load (40,000 × 4,000 with 20,122 places and every coach to take a coachee:
  // 28 s solved by coachees, with the minimums).
  let byPlaces =
    allowUnmatched &&
    mostPlaced === capacityTotal &&
    capacityTotal < rows &&
    (capacityTotal <= (1 - PLACES_SOLVE_UNPLACED) * rows || multiplierSpread(bounds.multiplier) > PLACES_SOLVE_SPREAD);

  // A cohort this small can fall back to every pair when the candidates cannot settle a question.
  const smallEnough = rows * cols <= (input.candidates.fallbackPairs ?? EVERY_PAIR_FALLBACK);
  const everyPair = () => Array.from({ length: rows }, () => allColumns(cols));
  // The bound on how many coachees the full problem places (mostPlaced) knows the relation and
  // avoid bans only: bans that depend on the pair (an insider too like a coach) can leave it out
  // of reach, and each widening then adds pairs that turn out banned. On a cohort small enough,
  // a widening that placed no more than the last one goes to every pair at once (a 20 × 6
  // cohort had spent its 16 rounds adding 2 banned pairs each and ended "not proven"); on a
  // larger one, the pairs that could extend an alternating path are evaluated (see checkPlacement).
  /** The pairs the candidates hold now. */
  const candidatePairs = (): number => candidates.reduce((n, list) => n + list.length, 0);
  let placedAtLastWidening = -1;
  // What an uncertified result's note advises.
  let advice = DEFAULT_ADVICE;
  const pairBudget = input.candidates.pairBudget ?? defaultPairBudget(rows);
  /** Whether `pairs` candidate pairs lie beyond the budget; if so the note says how they came (the last solve then stands, unproven: see PAIR_BUDGET). */
  const beyondPairBudget = (pairs: number, how: string): boolean => {
    if (pairs <= pairBudget) return false;
    note += `, and ${how} ${grouped(pairs)} candidate pairs, beyond the budget of ${grouped(pairBudget)}`;
    advice = PAIR_BUDGET_ADVICE;
    return true;
  };
  /**
   * When a widening placed no more coachees than the last (`placed`, by `assignment`, a largest
   * matching on `graph`), or so few more that at that pace the bound would take more than
   * SLOW_GAIN_WIDENINGS widenings yet (or when `force`d), widens harder and returns how many
   * pairs that adds: every pair on a cohort small enough, else the allowed pairs that lead out of the matching's
   * alternating region (see checkPlacement); null otherwise. When none does, `placed` is the
   * most the full problem places: it becomes mostPlaced, and 0 is returned.
   */
  const widenStalled = (placed: number, assignment: readonly (number | null)[], graph: { readonly rowStart: Int32Array; readonly colIndex: Int32Array }, force = false): number | null => {
    const stalled = force || (placedAtLastWidening >= 0 && (placed - placedAtLastWidening) * SLOW_GAIN_WIDENINGS < mostPlaced - placed);
    placedAtLastWidening = placed;
    if (!stalled) return null;
    if (smallEnough) return widenToEveryPair();
    const check = checkPlacement({ graph: { rows, cols, rowStart: graph.rowStart, colIndex: graph.colIndex }, assignment, capacity, placeable: canPlace, candidates, exactWeights, mayWaive, budget: checkBudget });
    checkBudget -= check.evaluated;
    switch (check.outcome) {
      case 'widened':
        return check.added;
      case 'proven':
        mostPlaced = placed;
        placedMost = true;
        // Red team 7, case 601: solving by places went on widening for places no one can fill, round after round.
        if (mostPlaced < capacityTotal) byPlaces = false;
        provenRegion = check.region;
        return 0;
      case 'overBudget':
        advice = `no pair left out could place another coachee by its bound, and proving that no pair does would evaluate more than the ${checkPairs.toLocaleString('en-US')} pairs allowed; ${OUT_OF_REACH_ADVICE}`;
        return 0;
      case 'notMaximum':
        // Every caller hands over a largest placement (Hopcroft–Karp, or a solve that places the most first).
        throw new CoachmatchError('internal', 'the placement check was given a matching that is not a largest one on the candidates');
    }
  };
  /**
   * Widens candidates whose largest placement `largest` falls short (see widenStalled, else
   * widenForCardinality, which goes by `by`); returns how many coachees `largest` places and
   * how many pairs were added.
   */
  const widenShort = (largest: Pick<AssignmentResult, 'assignment' | 'loads'>, graph: { readonly rowStart: Int32Array; readonly colIndex: Int32Array }, by = largest): { placed: number; added: number } => {
    const placed = largest.assignment.filter((j) => j !== null).length;
    return { placed, added: widenStalled(placed, largest.assignment, graph) ?? widenForCardinality(bounds, candidates, by, capacity) };
  };
  const checkPairs = input.candidates.checkPairs ?? FULL_PROBLEM_CHECK_PAIRS;
  let checkBudget = checkPairs;
  // The coachees and coaches that a proven placement keeps together (see checkPlacement).
  let provenRegion: { readonly rows: number[]; readonly cols: number[] } | null = null;
  /**
   * The dense diagnosis of a cohort small enough, known infeasible: every pair solved once (not
   * a round: the status is settled), whose groups name the coachees that compete for too few
   * places; null should every pair place everyone after all.
   */
  const everyPairDiagnosis = (): readonly Diagnosis[] | null => {
    const { rowStart, colIndex } = packCandidates(everyPair());
    const all = sparsePairSet(rows, cols, rowStart, colIndex);
    const full = solveAssignment(
      { rows, cols, compressed: compress(all, exactWeights(all), pairRoom(1)), sense: 'max', capacity: Array.from(capacity), minLoad: Array.from(minLoad), allowUnmatched: false },
      { method: input.method },
    );
    return full.status === 'infeasible' ? full.diagnosis : null;
  };
  /** Every pair a candidate; returns how many that adds (0 when every pair already was: nothing to widen). */
  const widenToEveryPair = (): number => {
    const before = candidatePairs();
    candidates = everyPair();
    return rows * cols - before;
  };
  // The selection weighed every pair it chose: the first round takes those weights over.
  let candidates: Int32Array[];
  let weighed: WeighedPairs | null;
  let certifier: Certifier;
  // The rounds' largest arrays on buffers kept from round to round (see RoundBuffers): a
  // round reads the last one's pairs and weights (the first round's are the selection's)
  // while making its own; the allowed pairs and the solver's arrays are done with once the
  // round's solve is.
  const roundPairs = pairRoom(2);
  const allowed = pairRoom(1);
  const workspace = new SolveWorkspace();
  const placesRoom = newPlacesRoom(workspace);
  // Every coachee to be placed, and the full problem places fewer (mostPlaced bounds it): no
  // candidates can change that, so nothing is selected or solved (100,000 × 10,000 with half
  // the places: 14 s before, most of it the selection). A cohort small enough is still solved
  // on every pair below, whose diagnosis names the coachees competing for too few places.
  if (!allowUnmatched && mostPlaced < rows && !smallEnough) {
    return infeasibleAtOnce(input, context, k, `at most ${mostPlaced} of ${rows} coachees can be placed`, fullProblemDiagnosis(canPlace, capacity, reach), clock);
  }
  // Likewise minimum loads that ask for more coachees than can be placed (100,000 × 10,000 with
  // every coach to be filled: 17.9 s before, and of 15 kinds 48 s to end unknown).
  const minimumTotal = minLoad.reduce((a, b) => a + b, 0);
  if (minimumTotal > mostPlaced && !smallEnough) {
    const bound = Array.from(minLoad.keys()).filter((j) => minLoad[j]! > 0);
    return infeasibleAtOnce(input, context, k, `the minimum loads of ${bound.length} coach(es) ask for ${minimumTotal} coachees, and at most ${mostPlaced} can be placed`, [minLoadUnreachable(bound, minimumTotal - mostPlaced)], clock);
  }
  ({ candidates, weighed, certifier } = firstSelection(context, Math.min(k, cols), helper, mayWaive, roundPairs));
  // Rows alike share their lists from the first certificate on (see shareAmongAlike).
  const alike = alikeRows(candidates, weighed);
  // Coachees mostly exact twins: their solves start without the auction (see TWINS_WITHOUT_AUCTION).
  const mostlyTwins = laterTwinShare(bounds.twinOf) >= TWINS_WITHOUT_AUCTION;
  // Solving by places needs every place fillable: each coach joins its best coachees now,
  // before a solve would fail on the coaches the coachees' choices left short.
  if (byPlaces) widenForPlacesShared(bounds, candidates, capacity, helper);
  // Likewise each coach with a minimum load joins its best coachees for it: a coach in no
  // coachee's first candidates left the first solve unable to meet its minimum, and the check
  // that then widens (see checkMinLoads) added 5.5 million pairs at 100,000 × 10,000 with every
  // coach to take a coachee (1.9 GB peak).
  else if (minLoad.some((m) => m > 0)) widenForPlacesShared(bounds, candidates, minLoad, helper);
  clock.lap('selection', 0);
  const addedPerRound: number[] = [];
  // The solved pair set, not its features: those are rebuilt once at the end, so two rounds'
  // tables (or a round's and a certificate chunk's) are never held at once.
  let last: { pairs: PairSet; result: AssignmentResult } | null = null;
  let note = '';
  let cleared = { byBound: 0, exactly: 0 };
  let gap: number | null = null;
  let solves = 0;
  let warmStart: WarmStart | undefined;
  let placesStart: WarmStart | undefined;
  let fullSince = false;
  let placementWidenings = 0;
  // Once a solve has placed as many coachees as the full problem can, so can every later
  // round's candidates (they only grow): no more placement checks.
  let placedMost = false;
  // How many violators each row keeps, and how many the last certificate found (see MOST_KEPT_PER_ROW).
  let keptPerRow = KEPT_PER_ROW;
  let lastViolations = Infinity;
  while (solves < input.candidates.maxRounds) {
    // Widenings that place more coachees are not weighed against the budget before they are
    // made: past it, the last solve stands, unproven (see PAIR_BUDGET).
    if (last !== null && beyondPairBudget(candidatePairs(), 'widening grew the candidates to')) break;
    // The first round's candidates are usually still the selection's lists, already packed there.
    // Only the size of an older round's pairs is read again (the last solve's, in finish):
    // their columns' buffer may hold a later round's by then.
    const pairs: PairSet = weighed !== null && samePairs(candidates, weighed.pairs) ? weighed.pairs : toPairSet(candidates, rows, cols, roundPairs.columns);
    // Rounds add pairs to some rows: the others keep last round's weights, and so do the old pairs of a row that cannot be waived.
    const weights = reuseWeights(pairs, weighed, exactWeights, mayWaive, roundPairs.weights, bounds.twinOf === undefined ? null : twinsOnOneList(candidates, bounds.twinOf));
    weighed = { pairs, weights };
    const starved = starvedRows(pairs, weights, capacity).filter((i) => candidates[i]!.length < cols && canPlace[i] === 1);
    if (starved.length > 0) {
      // No candidate of these coachees is allowed and open: look at all their coaches. This
      // also decides waivers as the full problem does (a row is waived only when it sees
      // every coach banned). Each row is widened so at most once, so it costs no round.
      // A coachee no coach can take (none with places, or each banned beyond waiving) is
      // left as it is: all its pairs would change nothing, and with no places anywhere
      // they were every pair of the cohort (20,000 × 3,000: 70 s and 8.9 GB).
      for (const i of starved) candidates[i] = allColumns(cols);
      continue;
    }
    const compressed = compress(pairs, weights, allowed);
    // Candidates that cannot place as many coachees as the full problem can are widened
    // before any solve: a solve would only confirm it, at the price of its slowest path.
    const short = byPlaces || placedMost || placementWidenings >= input.candidates.maxRounds ? null : shortPlacement(compressed, rows, cols, capacity, mostPlaced);
    if (short !== null) {
      const before = pairs.size;
      const { placed, added } = widenShort(short, compressed);
      if (added > 0) {
        placementWidenings++;
        addedPerRound.push(candidatePairs() - before);
        note = `${grouped(placed)} of at most ${grouped(mostPlaced)} coachees placeable on the candidates`;
        continue;
      }
    }
    solves++;
    clock.lap('prepare', solves);
    // Few pairs added since the last solve: the places' solve mends its last solution (see
    // WARM_PLACES_SHARE); the coachees' solve is always given its own (see warmStart below).
    const warmPlaces = (addedPerRound.at(-1) ?? Infinity) <= rows * WARM_PLACES_SHARE;
    const byPlace = byPlaces ? solveByPlaces(rows, cols, compressed, capacity, input.method, warmPlaces ? placesStart : undefined, placesRoom, { auctionAnyDegree: bounds.twinOf === undefined }) : null;
    if (byPlace?.status === 'optimal') placesStart = byPlace.placesStart;
    if (byPlace?.status === 'unfilled' && solves < input.candidates.maxRounds) {
      clock.lap('solve', solves);
      // The candidates cannot fill every place: join the coachees left out to the coaches
      // with places left and try again, rather than solve in the coachee orientation, whose
      // searches rescan every unplaced coachee (measured at 10,000 × 1,000: 15 s). Whether the
      // widenings still gain, and the placement check, go by a largest placement on the
      // candidates: the places' solve may have stopped before any search (a coach without
      // candidates) and placed no one. The widening itself goes by the places' solve: when that
      // placed no one, every coachee joins coaches with places, which spreads alike coachees
      // faster (80 × 20, coaches all alike: 3 rounds, against 4 by the largest placement).
      const before = pairs.size;
      const { placed: filled, added } = widenShort(shortPlacement(compressed, rows, cols, capacity, Infinity)!, compressed, byPlace);
      if (added > 0) {
        addedPerRound.push(candidatePairs() - before);
        note = `${grouped(filled)} of ${grouped(capacityTotal)} places filled on the candidates`;
        continue;
      }
    }
    const result: AssignmentResult =
      (byPlace?.status === 'optimal' ? byPlace : null) ??
      solveTuned({ rows, cols, compressed, sense: 'max', capacity: Array.from(capacity), minLoad: Array.from(minLoad), allowUnmatched }, { method: input.method, workspace, ...(warmStart !== undefined ? { warmStart } : {}) }, mostlyTwins ? { auctionMinRows: Infinity } : {});
    last = { pairs, result };
    clock.lap('solve', solves);
    // The next round's problem differs from this one only by the pairs added: this solution is
    // a start the solver has to mend (see FlowTuning.rebidShare for how).
    warmStart = result.status === 'optimal' ? { assignment: result.assignment, colDual: result.duals.col } : undefined;
    gap = null; // a certificate of an earlier solve says nothing about this one
    // With every pair a candidate the candidate problem is the full problem.
    const complete = candidates.every((list) => list.length === cols);
    if (result.status === 'infeasible') {
      // Minimum loads the candidates cannot meet: whether the full problem can (see checkMinLoads).
      const loads = smallEnough || complete ? null : checkMinLoads({ graph: { rows, cols, rowStart: compressed.rowStart, colIndex: compressed.colIndex }, minLoad, placeable: canPlace, candidates, exactWeights, mayWaive, budget: checkBudget });
      checkBudget -= loads?.evaluated ?? 0;
      if (loads?.outcome === 'overBudget') advice = `whether the full problem can meet every minimum load is open: settling it would evaluate more than the ${checkPairs.toLocaleString('en-US')} pairs allowed; ${DEFAULT_ADVICE}`;
      if (loads?.outcome === 'widened') {
        addedPerRound.push(loads.added);
        note = 'the candidate pairs could not meet every minimum load';
        continue;
      }
      // Every coachee to be placed, and the candidates cannot: widen them as before a solve
      // (this also proves the placement short, see widenStalled), not by the wider selection
      // below: 4 · k · rounds coaches per coachee, at 100,000 × 10,000 with k = 48 already 96
      // million pairs in the fifth round. Reached once the widenings before solves are used up
      // (their count is maxRounds).
      if (!allowUnmatched && mostPlaced >= rows && !smallEnough && !complete && loads?.outcome !== 'proven') {
        const short = shortPlacement(compressed, rows, cols, capacity, rows);
        if (short !== null) {
          const before = pairs.size;
          const { placed, added } = widenShort(short, compressed);
          if (added > 0) {
            addedPerRound.push(candidatePairs() - before);
            note = `${grouped(placed)} of at most ${grouped(mostPlaced)} coachees placeable on the candidates`;
            continue;
          }
        }
      }
      const placementShort = !allowUnmatched && mostPlaced < rows;
      // Fewer coachees placeable than there are coachees, minimum loads out of reach, or every
      // pair considered: facts of the full problem. Anything else may be the candidates' doing.
      if (complete || placementShort || loads?.outcome === 'proven') {
        const facts = [
          ...(placementShort ? [`at most ${mostPlaced} of ${rows} coachees can be placed`] : []),
          ...(loads?.outcome === 'proven' ? [`the minimum loads of ${loads.cols.length} coach(es) cannot be met (${loads.shortBy} coachee(s) short)`] : []),
        ];
        note = `infeasible for the full problem: ${complete ? 'every pair was considered' : facts.join('; ')}`;
        // The diagnosis of the candidate pairs may name a restriction of the candidates alone.
        const fullProblem = (): Diagnosis[] => [
          ...(placementShort ? fullProblemDiagnosis(canPlace, capacity, reach, provenRegion) : []),
          ...(loads?.outcome === 'proven' ? [minLoadUnreachable(loads.cols, loads.shortBy)] : []),
        ];
        if (!complete) last = { pairs, result: { ...result, diagnosis: (smallEnough ? everyPairDiagnosis() : null) ?? fullProblem() } };
        return finish(last, true, solves);
      }
      const before = pairs.size;
      if (smallEnough) candidates = everyPair();
      else {
        const wider = selectCandidates(bounds, Math.min(cols, 4 * k * solves), exactWeights);
        candidates = widen(candidates, wider.candidates);
        certifier.replaceTop(wider.top);
      }
      addedPerRound.push(candidatePairs() - before);
      note = 'the candidate pairs admit no matching that keeps every hard constraint, and the full problem was not searched';
      continue;
    }
    placedMost ||= result.status === 'optimal' && result.matched >= mostPlaced;
    if (result.matched < mostPlaced && !complete) {
      const before = pairs.size;
      const stalled = widenStalled(result.matched, result.assignment, compressed);
      let added = stalled ?? widenForCardinality(bounds, candidates, result, capacity);
      // Nothing left to join by bound, and the last widening still gained: the check settles
      // whether the pairs' own bans keep the rest out (helper 26's 54 × 12 cohort had ended
      // 'feasible' here, 48 of 54 placed, where the full problem places all).
      if (stalled === null && added === 0 && !smallEnough) added = widenStalled(result.matched, result.assignment, compressed, true) ?? 0;
      // Unless a placement check proved this the most, and the certificate goes on.
      if (result.matched < mostPlaced) {
        note = `${grouped(result.matched)} of at most ${grouped(mostPlaced)} coachees placed on the candidates`;
        if (added === 0) {
          // Nothing left to join: the full problem's largest placement is unknown.
          if (!smallEnough) {
            // More rounds would not help: say what would.
            if (advice === DEFAULT_ADVICE) advice = `no pair left out could place another coachee; ${OUT_OF_REACH_ADVICE}`;
            break;
          }
          candidates = everyPair();
        }
        addedPerRound.push(candidatePairs() - before);
        continue;
      }
    }
    // The first certificate remembers the exact weights of its suspects: later ones, under
    // duals that moved a little, mostly suspect the same pairs;
    // and a row whose slack last time covers how far the duals fell needs no scan.
    // Partial or full (see certificateCap). Once a partial certificate finds few violations,
    // the others may lie off the rows' lists: a full one follows at once.
    const cap = certificateCap({ solves, maxRounds: input.candidates.maxRounds, fullSince, lastViolations, rows, keptPerRow });
    let outcome = certifier.check(candidates, result.duals, cap, keptPerRow);
    if (outcome.unverified > 0 && outcome.violations < FEW_VIOLATIONS_PER_ROW * rows) outcome = certifier.check(candidates, result.duals, Infinity, keptPerRow);
    if (outcome.violations > STALLED_SHARE * lastViolations) keptPerRow = Math.min(MOST_KEPT_PER_ROW, 2 * keptPerRow);
    lastViolations = outcome.violations;
    fullSince ||= outcome.unverified === 0;
    clock.lap('certificate', solves);
    cleared = { byBound: outcome.clearedByBound, exactly: outcome.clearedExactly };
    gap = outcome.gap;
    // Violations, not violators: those also list near pairs (see NEAR_SHARE), which are none.
    if (outcome.violations === 0) {
      gap = 0;
      // result.matched, not mostPlaced: with every pair a candidate, the solve's own count is the
      // full problem's most, and mostPlaced only a bound of it.
      note = `certified: ${grouped(result.matched)} coachee(s) placed, the most the full problem allows, and every one of the ${grouped(rows * cols - pairs.size)} pairs left out is covered by the duals (${grouped(cleared.byBound)} by bound, ${grouped(cleared.exactly)} exactly)`;
      return finish(last, true, solves);
    }
    let added = 0;
    candidates = candidates.map((list, i) => {
      const extra = outcome.violators.get(i);
      if (extra === undefined) return list;
      added += extra.length;
      return mergeColumns(list, extra);
    });
    // Not while places are solved as rows: there each coach's own coachees are spread over alike
    // ones already (see widenForPlaces), and one list for all would join each to every coach any
    // had (20,000 × 3,000, 15 kinds of coachee, 14,951 places: 5 rounds and 21.6 s against 8 and 12.0 s, one run each on a busy host).
    if (alike.length > 0 && !byPlaces) added += shareAmongAlike(bounds, alike, candidates, result.duals, exactWeights, capacity, keptPerRow);
    note = `round ${solves}: ${grouped(outcome.violations)} pair(s) outside the candidates could still improve the total`;
    if (beyondPairBudget(pairs.size + added, 'adding them would make')) break;
    addedPerRound.push(added);
    note += ` (${grouped(added)} added)`;
  }
  if (last === null) throw new CoachmatchError('internal', 'no solve ran: every coachee was widened to every coach without a round');
  return finish(last, false, solves);

  function finish(done: NonNullable<typeof last>, certified: boolean, rounds: number): Matching {
    const matching = explained(done, certified, rounds);
    clock.lap('finish', rounds);
    return matching;
  }

  function explained(done: NonNullable<typeof last>, certified: boolean, rounds: number): Matching {
    const matching = explainAssigned(done.result, { evaluate, rows, capacity, settings, preset });
    const report: CandidateReport = {
      k,
      rounds,
      pairs: done.pairs.size,
      allPairs: rows * cols,
      certified,
      clearedByBound: cleared.byBound,
      clearedExactly: cleared.exactly,
      addedPerRound,
      gap: certified ? (done.result.status === 'optimal' ? 0 : null) : gap,
      note: certified
        ? note
        : `not proven optimal after ${rounds} round(s): ${note}${gap === null ? '' : `; the optimum total is at most ${gap.toPrecision(6)} higher`}; ${advice}`,
    };
    if (certified) return { ...matching, candidates: report };
    if (matching.status === 'optimal') return { ...matching, status: 'feasible', candidates: report };
    // No matching on the candidates, and no proof there is none on the full problem.
    return { ...matching, status: 'unknown', diagnosis: [report.note], candidates: report };
  }
}

/**
 * The infeasible matching of a cohort the bound on how many coachees the full problem places
 * already proves infeasible (`why`): nobody assigned, certified (the bound is the full
 * problem's), with the full problem's diagnosis.
 */
function infeasibleAtOnce(input: CandidateMatchInput, context: CandidateContext, k: number, why: string, diagnosis: readonly Diagnosis[], clock: PhaseClock): Matching {
  const { rows, cols, evaluate, base } = context;
  const { capacity } = base.combined;
  const result: AssignmentResult = { status: 'infeasible', method: input.method === 'auto' ? 'flow' : input.method, objective: null, assignment: new Array<number | null>(rows).fill(null), loads: new Array<number>(cols).fill(0), matched: 0, duals: null, diagnosis };
  const matching = explainAssigned(result, { evaluate, rows, capacity, settings: input.settings, preset: input.preset });
  const report: CandidateReport = {
    k,
    rounds: 0,
    pairs: 0,
    allPairs: rows * cols,
    certified: true,
    clearedByBound: 0,
    clearedExactly: 0,
    addedPerRound: [],
    gap: null,
    note: `infeasible for the full problem: ${why}, known before any candidate was selected`,
  };
  clock.lap('finish', 0);
  return { ...matching, candidates: report };
}

function widen(now: readonly Int32Array[], more: readonly Int32Array[]): Int32Array[] {
  return now.map((list, i) => mergeColumns(list, more[i]!));
}

/** The candidates as a pair set, its columns in `room`. */
function toPairSet(candidates: readonly Int32Array[], rows: number, cols: number, room: PairRoom['columns']): PairSet {
  const { rowStart, colIndex } = packCandidates(candidates, room);
  return sparsePairSet(rows, cols, rowStart, colIndex);
}

/** Whether `pairs` holds exactly the per-row lists of `candidates`: then it serves as their pair set, unpacked again for nothing (at 100,000 × 10,000, 4.8 million pairs). */
function samePairs(candidates: readonly Int32Array[], pairs: PairSet): boolean {
  const { rowStart, colIndex } = pairs;
  if (rowStart.length !== candidates.length + 1) return false;
  for (let i = 0; i < candidates.length; i++) {
    const list = candidates[i]!;
    const from = rowStart[i]!;
    if (rowStart[i + 1]! - from !== list.length) return false;
    for (let q = 0; q < list.length; q++) if (colIndex[from + q] !== list[q]) return false;
  }
  return true;
}

/** Rows without a pair that is allowed (weight not NaN) and open (its coach has places). */
function starvedRows(pairs: PairSet, weights: Float64Array, capacity: Int32Array): number[] {
  const out: number[] = [];
  for (let i = 0; i < pairs.rows; i++) {
    let open = false;
    for (let p = pairs.rowStart[i]!; p < pairs.rowStart[i + 1]! && !open; p++) open = !Number.isNaN(weights[p]!) && capacity[pairs.colIndex[p]!]! > 0;
    if (!open) out.push(i);
  }
  return out;
}

/**
 * The allowed pairs as the solver's compressed rows: the pair set's own arrays when every pair
 * is allowed, else copies in `room`'s buffers (valid until the next round's).
 */
function compress(pairs: PairSet, weights: Float64Array, room: PairRoom) {
  let allowed = 0;
  for (let p = 0; p < weights.length; p++) if (!Number.isNaN(weights[p]!)) allowed++;
  if (allowed === weights.length) return { rowStart: pairs.rowStart, colIndex: pairs.colIndex, weight: weights };
  const rowStart = new Int32Array(pairs.rows + 1);
  const colIndex = room.columns(allowed);
  const weight = room.weights(allowed);
  let k = 0;
  for (let i = 0; i < pairs.rows; i++) {
    for (let p = pairs.rowStart[i]!; p < pairs.rowStart[i + 1]!; p++) {
      if (Number.isNaN(weights[p]!)) continue;
      colIndex[k] = pairs.colIndex[p]!;
      weight[k++] = weights[p]!;
    }
    rowStart[i + 1] = k;
  }
  return { rowStart, colIndex, weight };
}

/**
 * Share of the coachees that are exact twins of an earlier one from which the coachees' solve
 * starts without the auction: with ties everywhere its prices war for long (as in the places'
 * solve, see solveByPlaces). Alternated with the auction, cohorts of 15 kinds: 40,000 × 4,000
 * 12.9 / 12.6 s against 13.4 / 13.5 s (first solve 0.3 s against 1.1–1.2 s);
 * large-20k-fewkinds-tight 4.6 / 4.7 s against 4.9 / 5.2 s; 100,000 × 10,000 (stopped by the
 * pair budget) 41.0 s against 52.3 s, its first two solves 0.5 and 1.9 s against 4.4 and 8.1 s
 * (single runs). Not tuned.
 */
const TWINS_WITHOUT_AUCTION = 0.1;

/** The largest row multiplier over the least above 0 (1 when none is). */
function multiplierSpread(multiplier: Float64Array): number {
  let least = Infinity;
  let most = 0;
  for (const m of multiplier) {
    if (m > 0 && m < least) least = m;
    if (m > most) most = m;
  }
  return least === Infinity ? 1 : most / least;
}

export type { PairBounds };
