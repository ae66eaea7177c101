import { assembleMatching } from '../engine/assembleMatching.js';
import { refuseQuotas } from '../engine/refuseQuotas.js';
import { defaultMatchOptions, prepareMatch, toAssignmentProblem, type MatchOptions } from '../engine/match.js';
import { CoachmatchError, type InputIssue } from '../errors.js';
import { solvePinned } from '../explain/solvePinned.js';
import { priorityWeight } from '../policies/priorityWeight.js';
import type { Cohort } from '../model/cohort.js';
import type { AssignmentResult } from '../solver/types.js';
import type { IdPair } from '../scenarios/scenario.js';
import { describePinConflicts } from '../scenarios/describePinConflicts.js';
import { unknownIdNamer } from '../text/unknownIdNamer.js';
import { exitsWithoutPlace } from './exitsWithoutPlace.js';
import { checkRematchRequestShape, rematchSettings } from './rematchInputSchema.js';
import type { ExitCluster, MootExit, Move, MoveReason, RefusedExit, RematchResult } from './rematchResult.js';

/** What happened since the current matching was made. */
export interface RematchRequest {
  /** The current pairs; default: each coachee's `currentCoach` in the cohort. */
  readonly current?: readonly IdPair[];
  /** Coachees who ask for another coach. */
  readonly exits?: readonly string[];
  /** Coaches who drop out. */
  readonly dropouts?: readonly string[];
  /** Current pairs that must not move; a pair that is not current is refused (invalidArgument). */
  readonly pins?: readonly IdPair[];
}

/** Options of {@link rematch}; defaults in {@link defaultRematchOptions}. */
export interface RematchOptions extends Pick<MatchOptions, 'policy' | 'allowUnmatched' | 'method' | 'policies' | 'buildFeatures'> {
  /**
   * Objective points a changed pair costs (added as a keep bonus to every current pair). A
   * re-match strains the relationship, so a coachee moves only when that gains more than this
   * for the cohort. Default 0.5, about a fifth of a good pair's score.
   */
  readonly changePrice: number;
  /**
   * An exit is granted only to a coach whose score for the coachee beats the current coach's by
   * at least this much (continuity left out): a relatively high threshold. Default 0.3.
   */
  readonly exitMargin: number;
  /** This many exit requests from one coach (or more) are reported as a cluster. Default 3. */
  readonly clusterThreshold: number;
}

/** Defaults for {@link rematch}. */
export const defaultRematchOptions: RematchOptions = {
  policy: undefined,
  allowUnmatched: true,
  method: defaultMatchOptions.method,
  policies: defaultMatchOptions.policies,
  buildFeatures: defaultMatchOptions.buildFeatures,
  changePrice: 0.5,
  exitMargin: 0.3,
  clusterThreshold: 3,
};

/**
 * Re-matches after exit requests or coach drop-outs, changing as few current pairs as the
 * change price warrants.
 *
 * @remarks
 * Every current pair gets a keep bonus of `changePrice` and the problem is solved exactly, so
 * a current pair is given up only when that gains the cohort more than the price. Pins hold
 * pairs fixed. An exit is granted only to coaches better by `exitMargin` than the current
 * one: for the solve the coachee is offered those coaches and its current one, at the pair's
 * weight without the keep bonus (it asked to leave), its other pairs banned. When no coach is
 * better by the margin (`belowMargin`), placing the coachee with one would leave someone
 * without a place (`noPlace`), or the optimum keeps the coachee with its coach because moving
 * would not raise the total, everyone else's keep bonuses included (`lowersTotal`; a tie
 * counts: the solver's tie-break decides, deterministically), the exit is refused and the
 * coachee's current pair is kept like any other (it earns the keep bonus, and is re-solved so).
 * An exit whose current coach is gone (dropped out, or inactive in the cohort) is moot: listed in
 * `mootExits`, neither granted nor refused, the coachee re-placed like the coach's other coachees
 * (infeasible: still listed, but nobody is re-placed).
 * No exit costs a place: with `allowUnmatched` the
 * re-match places as many coachees as with every exit refused (when the exits as granted place
 * fewer, they are decided again together, granting the most that keep every place), and an exit
 * refused for want of a place or total is granted again, in the cohort's order, when it then
 * fits and every granted exit still raises the total. With
 * `allowUnmatched` false an exit is refused when granting it as well would leave someone
 * without a place: the re-match is infeasible only when it is so with every exit refused, and
 * then its diagnosis is the cohort's own and the exits not refused for the margin are refused
 * as `cohortInfeasible`, not `noPlace`. Exits from one
 * coach at or above `clusterThreshold` are reported: the problem may be the coach.
 *
 * @throws CoachmatchError `invalidArgument` naming unknown ids, and pins on pairs that are not
 * current, with their path in the request; a request of the wrong shape (not an object, a list
 * with holes, an id that is not a string, an unknown field); an option that is not valid
 * (changePrice and exitMargin finite and ≥ 0, clusterThreshold an integer ≥ 0) at `$.<name>`.
 * An option given as undefined gets its default.
 *
 * @example
 * ```ts
 * const outcome = rematch(cohort, { dropouts: ['coach-09'], exits: ['student-12'] }, { changePrice: 0.5 });
 * if (outcome.status === 'optimal') outcome.moves; // who moves, and why
 * ```
 */
export function rematch(cohort: Cohort, request: RematchRequest, options: Partial<RematchOptions> = {}): RematchResult {
  checkRematchRequestShape(request);
  const settings = rematchSettings(options, defaultRematchOptions);
  const dropouts = new Set(request.dropouts ?? []);
  const currentOf = checkRequest(cohort, request);
  const changed: Cohort = {
    ...cohort,
    coaches: cohort.coaches.map((c) => (dropouts.has(c.id) ? { ...c, active: false } : c)),
    coachees: cohort.coachees.map(({ currentCoach: _, ...c }) => {
      const current = currentOf.get(c.id);
      return current === undefined ? c : { ...c, currentCoach: current };
    }),
  };
  const { policy, allowUnmatched, method, policies, buildFeatures } = settings;
  const prepared = prepareMatch(changed, { policy, allowUnmatched, method, policies, buildFeatures });
  refuseQuotas(prepared, 're-matching');
  const { features, combined } = prepared;
  const { cols } = combined;
  const rowOf = new Map(features.coacheeIds.map((id, i) => [id, i]));
  const colOf = new Map(features.coachIds.map((id, j) => [id, j]));
  const base = toAssignmentProblem(combined, settings.allowUnmatched);
  const weights = base.weights!;
  const current = features.coacheeIds.map((id) => colOf.get(currentOf.get(id) ?? '') ?? -1);

  // In the cohort's order, not the request's: exits are refused and granted again one by one.
  const exitRequests = [...new Set(request.exits ?? [])].sort((a, b) => rowOf.get(a)! - rowOf.get(b)!);
  const exitClusters = clusters(exitRequests, currentOf, settings.clusterThreshold);
  const continuity = combined.terms.find((t) => t.key === 'continuity')?.values;
  const own = (row: number, col: number) => combined.utility[row * cols + col]! - (continuity?.[row * cols + col] ?? 0);
  const refused: RefusedExit[] = [];
  const moot: MootExit[] = [];
  const eligible = new Map<number, Set<number>>();
  for (const id of exitRequests) {
    const row = rowOf.get(id)!;
    const cur = current[row]!;
    if (cur < 0) {
      // The coach is gone (a drop-out, or inactive in the cohort): the coachee leaves it anyway,
      // so the request is neither granted nor refused; it is listed as moot.
      const coachId = currentOf.get(id)!;
      moot.push({ coacheeId: id, coachId, reason: dropouts.has(coachId) ? 'coachDroppedOut' : 'coachInactive' });
      continue;
    }
    let best: number | null = null;
    const set = new Set<number>();
    for (let col = 0; col < cols; col++) {
      if (col === cur || weights[row]![col] === null || combined.capacity[col] === 0) continue;
      if (best === null || own(row, col) > own(row, best)) best = col;
      if (own(row, col) >= own(row, cur) + settings.exitMargin) set.add(col);
    }
    const bestGain = best === null ? null : own(row, best) - own(row, cur);
    const bestCoachId = best === null ? null : features.coachIds[best]!;
    if (set.size === 0) refused.push({ coacheeId: id, coachId: features.coachIds[cur]!, reason: 'belowMargin', bestGain, bestCoachId });
    else eligible.set(row, set);
  }
  const pins = (request.pins ?? []).map((p) => ({ row: rowOf.get(p.coacheeId)!, col: colOf.get(p.coachId)! }));

  // Solve; an exit whose eligible coaches have no place is refused and the solve repeated, so a
  // strict re-match is infeasible only when it is so with those exits refused.
  const choices = new Map(eligible); // each exit's eligible coaches, kept for regrant
  // Any two matchings' objectives differ by at most `spread`, so a keep bonus above it already
  // means "keep every pair that can be kept" and a larger one has the same optima: the bonus is
  // capped at twice it, and a huge changePrice stays finite and precise in the weights. The cap
  // is the weights' own scale: a floor of 1 swamped weights of 1e-18 (1 + w rounds to 1).
  const spread = weights.reduce((sum, r) => {
    let high = 0;
    let low = 0;
    for (const x of r) if (x !== null) (high = Math.max(high, x)), (low = Math.min(low, x));
    return sum + (high - low);
  }, 0);
  // A spread of 0 means every weight is 0: any bonus is then exact.
  const keepBonus = spread > 0 ? Math.min(settings.changePrice, 2 * spread) : settings.changePrice;
  /**
   * The weight of an exit's current pair should it stay: the coachee's own score there, priority
   * weighted, without the keep bonus or the continuity term. Both value going on with a pair, and
   * this one the coachee and the organisation agreed should end (the exit threshold): counted,
   * they refused nearly every exit from an optimal matching, even to a coach with room.
   */
  const leaving = (row: number) => priorityWeight(combined.rowMultiplier[row]!, own(row, current[row]!));
  /**
   * The weights with a keep bonus on every current pair but those of the `granted` exits, which
   * are offered their eligible coaches and their current coach at {@link leaving}'s weight. So the exact solve moves an exit only when that
   * raises the total, everyone else's keep bonuses included; offered its eligible coaches alone,
   * an exit had to be placed there at any cost to others. `forced`, a row of `granted`, is
   * offered its eligible coaches only: the exit granted whatever it costs.
   */
  const restricted = (granted: ReadonlyMap<number, ReadonlySet<number>> = eligible, forced = -1) =>
    weights.map((r, row) => {
      const allowedOnly = granted.get(row);
      return r.map((x, col) => {
        if (x === null) return null;
        if (allowedOnly !== undefined) return allowedOnly.has(col) ? x : col === current[row] && row !== forced ? leaving(row) : null;
        return col === current[row] ? x + keepBonus : x;
      });
    });
  /** A granted exit the solve left with its current coach: not granted after all. */
  const stayed = (solved: AssignmentResult) => [...eligible.keys()].filter((row) => solved.assignment[row] === current[row]);
  /** Refuses the exits at `rows` (of `eligible`) for `reason`; they are current pairs like any other from now on. */
  const refuse = (rows: readonly number[], reason: (row: number) => Refusal) => {
    const reasons = rows.map(reason); // all decided before any is refused: each against the same exits
    rows.forEach((row, n) => {
      eligible.delete(row);
      refused.push({ coacheeId: features.coacheeIds[row]!, coachId: features.coachIds[current[row]!]!, ...reasons[n]! });
    });
  };
  const noPlace: Refusal = { reason: 'noPlace', bestGain: null, bestCoachId: null };
  /**
   * Why the exit at `row` (of `eligible`) is not granted when the optimum keeps it with its coach
   * (or a regrant fails): 'noPlace' when granting it whatever it costs leaves someone without a
   * place (strict: no re-match at all; else fewer than `placed` placed, or the coachee itself),
   * 'lowersTotal' when everyone keeps a place but the total is no higher than keeping the pair;
   * then with the coach the best re-match granting it gives the coachee, and the coachee's gain there.
   */
  const whyNotGranted = (row: number, placed: number): Refusal => {
    // Offered its eligible coaches only, with a bonus above any difference of totals on them: the
    // solver places the most first, so the exit is placed whenever that costs no one a place. Not
    // placed merely because others weigh more, it was called 'noPlace' when 'lowersTotal' is true.
    const weights = restricted(eligible, row);
    weights[row] = weights[row]!.map((x) => (x === null ? null : x + grantBonus()));
    const forced = solvePinned({ ...base, weights }, pins, settings.method);
    if (forced.status !== 'optimal') return noPlace;
    const to = forced.assignment[row];
    if (to === null || to === undefined || (settings.allowUnmatched && forced.matched < placed)) return noPlace;
    // Placed, it is at an eligible coach (the only ones the forced solve offers it).
    return { reason: 'lowersTotal', bestGain: own(row, to) - own(row, current[row]!), bestCoachId: features.coachIds[to]! };
  };
  // Not strict: how many the re-match places with every exit refused, once asked; and whether the exits were decided again together.
  let most: number | undefined;
  let reconsidered = false;
  for (;;) {
    const w = restricted();
    const result = solvePinned({ ...base, weights: w }, pins, settings.method);
    if (result.status === 'pinConflict') {
      // Ban reasons of the pinned pairs only, keyed as describePinConflicts reads them.
      const pinBans = Object.fromEntries(pins.map(({ row, col }) => [`${features.coacheeIds[row]}→${features.coachIds[col]}`, (combined.bans.get(row * cols + col) ?? []).map((b) => b.reason)]));
      return { status: 'pinConflict', diagnosis: describePinConflicts(result.conflicts, request.pins!, pinBans, features.coachIds), exitClusters };
    }
    // An exit whose eligible coaches have no place: left unplaced by the solve, or, when every
    // coachee must be placed, making the solve infeasible (then the fewest such exits are found).
    const stranded =
      result.status === 'optimal'
        ? [...eligible.keys()].filter((row) => result.assignment[row] === null)
        : exitsWithoutPlace({ ...base, weights: w }, new Set(eligible.keys()), pins, settings.method);
    if (stranded.length > 0) {
      // Left unplaced by an optimal solve, an exit may still have a place (others merely weigh more).
      refuse(stranded, (row) => (result.status === 'optimal' ? whyNotGranted(row, result.matched) : noPlace));
      continue;
    }
    // An exit the optimum keeps with its current coach: moving it would not raise the total, or
    // would cost someone a place (whyNotGranted tells which).
    const stays = result.status === 'optimal' ? stayed(result) : [];
    if (stays.length > 0) {
      refuse(stays, (row) => whyNotGranted(row, result.matched));
      continue;
    }
    if (!settings.allowUnmatched) return finish(result.status === 'optimal' ? regrant(result, () => true, false) : result);
    if (result.status !== 'optimal') return finish(result);
    most ??= eligible.size === 0 ? result.matched : mostPlaced();
    if (result.matched < most && !reconsidered) {
      reconsidered = true;
      grantKeepingPlaces(most);
      continue;
    }
    const placesKept = most;
    return finish(regrant(result, (trial, row) => trial.matched >= placesKept && trial.assignment[row] !== null, true));
  }

  /** A bonus larger than any difference of totals and keep bonuses: on a row's pairs, the row is placed whenever it can be without placing fewer. */
  function grantBonus(): number {
    const range = spread + keepBonus * current.filter((col) => col >= 0).length;
    return range > 0 ? 2 * range : 1;
  }

  /** How many coachees the re-match places with every exit refused: no exit may place fewer (not strict). */
  function mostPlaced(): number {
    const solved = solvePinned({ ...base, weights: restricted(new Map()) }, pins, settings.method);
    if (solved.status !== 'optimal') throw new CoachmatchError('internal', `re-matching with every exit refused came back ${solved.status}, where granting some was optimal`);
    return solved.matched;
  }

  /**
   * Not strict, when the exits as granted place fewer than `most`: every exit with eligible
   * coaches is decided again, together. One solve with a bonus on each exit's eligible coaches,
   * larger than any difference of totals and keep bonuses, places `most` (the solver places the
   * most first) and grants as many exits as can be granted together without losing a place (a
   * leaver taking the one coach a newcomer can have, or the wrong one of two exits wanting one
   * place); the others are refused for want of a place.
   */
  function grantKeepingPlaces(most: number): void {
    const bonus = grantBonus();
    const withBonus = restricted(new Map()).map((r, row) => {
      const set = choices.get(row);
      return set === undefined ? r : r.map((x, col) => (x !== null && set.has(col) ? x + bonus : x));
    });
    const best = solvePinned({ ...base, weights: withBonus }, pins, settings.method);
    if (best.status !== 'optimal' || best.matched !== most) throw new CoachmatchError('internal', `re-matching with exits as bonuses came back ${best.status}, where refusing every exit places ${most}`);
    // Every exit with eligible coaches decided again: the earlier refusals for want of a place or
    // total go (the main loop then refuses those that lower the total with these granted).
    eligible.clear();
    refused.splice(0, refused.length, ...refused.filter((r) => r.reason === 'belowMargin'));
    for (const [row, set] of choices) {
      const to = best.assignment[row];
      if (to !== null && to !== undefined && set.has(to)) eligible.set(row, set);
      else refused.push({ coacheeId: features.coacheeIds[row]!, coachId: features.coachIds[current[row]!]!, reason: 'noPlace', bestGain: null, bestCoachId: null });
    }
  }

  /**
   * Each exit refused for want of a place or total is granted again when the re-match is then
   * optimal, `keeps` what it must (strict, everyone placed; not strict, as many placed as with
   * every exit refused, the coachee who asked among them, in the cohort's order), and moves every
   * granted exit, this one too, to an eligible coach: an optimum that keeps one with its coach
   * would grant an exit that does not raise the total. One still refused is refused for why
   * granting it fails with the exits granted by then ({@link whyNotGranted}).
   *
   * Strict: exits are set aside a round at a time, and a later round can free the place an
   * earlier refusal lacked (seed 547 of the red team's harness: two exits wanting one place, the
   * one set aside first could not go back to its coach). Granting more only restricts more, so
   * after one pass granting any refused exit as well leaves someone without a place.
   */
  function regrant(solved: AssignmentResult, keeps: (trial: Extract<AssignmentResult, { status: 'optimal' }>, row: number) => boolean, inCohortOrder: boolean): AssignmentResult {
    let best = solved;
    const again = refused.filter((x) => x.reason !== 'belowMargin');
    if (inCohortOrder) again.sort((a, b) => rowOf.get(a.coacheeId)! - rowOf.get(b.coacheeId)!);
    const placed = solved.matched;
    for (const r of again) {
      const row = rowOf.get(r.coacheeId)!;
      eligible.set(row, choices.get(row)!);
      const trial = solvePinned({ ...base, weights: restricted() }, pins, settings.method);
      refused.splice(refused.indexOf(r), 1);
      if (trial.status === 'optimal' && keeps(trial, row) && stayed(trial).length === 0 && trial.assignment[row] !== null) best = trial;
      else refuse([row], (x) => whyNotGranted(x, placed));
    }
    return best;
  }

  function finish(solved: AssignmentResult): RematchResult {
    let objective = 0;
    solved.assignment.forEach((col, row) => {
      if (col !== null) objective += weights[row]![col] as number;
    });
    const result: AssignmentResult = solved.status === 'optimal' ? { ...solved, objective } : solved;
    const matching = assembleMatching({ ...prepared, result });
    const granted = [...eligible.keys()].sort((a, b) => a - b).map((row) => features.coacheeIds[row]!);
    const moves: Move[] = [];
    const newlyPlaced: string[] = [];
    const stayCounts = new Map<number, { wanting: number; movedOff: number }>();
    let kept = 0;
    // Infeasible, there is no new matching: nobody moves, nothing is kept or changed (read as a
    // matching, the infeasible result's assignment said 'no place left' for current coachees).
    if (solved.status === 'optimal') features.coacheeIds.forEach((id, row) => {
      const from = currentOf.get(id);
      const to = solved.assignment[row] ?? null;
      if (from === undefined) {
        if (to !== null) newlyPlaced.push(id);
        return;
      }
      if (to !== null && to === current[row]) {
        kept++;
        return;
      }
      moves.push({ coacheeId: id, coacheeName: features.coachees[row]!.name, from, to: to === null ? null : features.coachIds[to]!, reason: moveReason(row, from, to) });
    });
    // The place a mover gave up was made room for those who took it only if they had to move
    // themselves; a place taken by someone who moved for a better fit, or by a newcomer, or by
    // nobody, was not made room for anyone ('rearranged' says who took it).
    const hadToMove = new Set(moves.filter((m) => forcedKinds.has(m.reason.kind)).map((m) => m.coacheeId));
    const takersOf = (coach: string) =>
      features.coacheeIds.filter((id, row) => {
        const col = solved.assignment[row];
        return col !== null && col !== undefined && features.coachIds[col] === coach && currentOf.get(id) !== coach;
      });
    const load = new Array<number>(cols).fill(0);
    if (solved.status === 'optimal') for (const col of solved.assignment) if (col !== null && col !== undefined) load[col]!++;
    // Each forced taker took one place, and needed one freed only when the coach has no free place
    // left for it: a coach's forced takers beyond its free places after the re-match justify at
    // most as many madeRoom movers off it. Those whose own move was worth least (then the cohort's
    // order) made the room; two movers both claiming it for one taker was untrue (hunt C), and so
    // was room claimed at a coach left with a free place (hunt F). The others are 'rearranged'.
    const roomMakers = new Set<string>();
    const byCoach = new Map<string, Move[]>();
    for (const m of moves) if (m.reason.kind === 'rearranged') byCoach.set(m.from, [...(byCoach.get(m.from) ?? []), m]);
    for (const [coach, movers] of byCoach) {
      const col = colOf.get(coach)!;
      const free = combined.capacity[col]! - load[col]!;
      const places = Math.max(0, takersOf(coach).filter((id) => hadToMove.has(id)).length - free);
      const worth = (m: Move) => (m.reason.kind === 'rearranged' ? m.reason.weightedGain : 0);
      [...movers].sort((a, b) => worth(a) - worth(b)).slice(0, places).forEach((m) => roomMakers.add(m.coacheeId));
    }
    const settled = moves.map((m): Move => {
      if (m.reason.kind !== 'rearranged') return m;
      const takers = takersOf(m.from);
      if (roomMakers.has(m.coacheeId)) return { ...m, reason: { kind: 'madeRoom', gain: m.reason.gain, forCoachees: takers.filter((id) => hadToMove.has(id)) } };
      // Not worth the price on its own, nor room made: when the new coach holds no more than its
      // minimum load, it would fall below it without the mover, which is what the move did.
      const to = colOf.get(m.to!)!;
      const minLoad = combined.minLoad[to]!;
      if (minLoad > 0 && load[to]! <= minLoad) return { ...m, reason: { kind: 'minLoadFilled', gain: m.reason.gain, weightedGain: m.reason.weightedGain, coachId: m.to!, minLoad } };
      // Forced takers who needed a place freed are named by the madeRoom movers off the same coach.
      return { ...m, reason: { ...m.reason, placeTakenBy: takers.filter((id) => !hadToMove.has(id)) } };
    });
    return {
      status: solved.status,
      matching,
      moves: settled,
      newlyPlaced,
      grantedExits: granted,
      refusedExits: [...refused].sort((a, b) => rowOf.get(a.coacheeId)! - rowOf.get(b.coacheeId)!).map(blameless),
      mootExits: moot,
      exitClusters,
      kept,
      changed: moves.length,
      diagnosis: matching.diagnosis,
    };

    /**
     * Infeasible, the re-match is so with every exit refused (the loop refuses until none is
     * left): no exit lacked a place, the cohort did, so a 'noPlace' (which blamed the exit) says
     * 'cohortInfeasible', and the diagnosis is the cohort's own.
     */
    function blameless(r: RefusedExit): RefusedExit {
      return solved.status !== 'optimal' && r.reason === 'noPlace' ? { ...r, reason: 'cohortInfeasible' } : r;
    }

    /** Per coach, its current coachees who would stay (no granted exit, pair allowed), and how many of them moved off it. */
    function overCapacity(col: number): { wanting: number; movedOff: number } {
      let cached = stayCounts.get(col);
      if (cached === undefined) {
        const rows = current.flatMap((c, r) => (c === col && !eligible.has(r) && weights[r]![col] !== null ? [r] : []));
        cached = { wanting: rows.length, movedOff: rows.filter((r) => solved.assignment[r] !== col).length };
        stayCounts.set(col, cached);
      }
      return cached;
    }

    /** Why the coachee at `row` moved; 'rearranged' (no room made, nobody forced) is settled with who took the place. */
    function moveReason(row: number, from: string, to: number | null): MoveReason {
      const cur = current[row]!;
      if (dropouts.has(from)) return { kind: 'coachDroppedOut', coachId: from };
      // Not in this round's pool without a drop-out: the cohort marks the coach inactive.
      if (cur < 0) return { kind: 'coachInactive', coachId: from };
      if (to === null) return { kind: 'lostPlace' };
      const gain = own(row, to) - own(row, cur);
      if (eligible.has(row)) return { kind: 'exitGranted', gain };
      if (weights[row]![cur] === null) return { kind: 'pairNotAllowed', coachId: from };
      // A capacity cut below the coachees who would stay with the coach (not leaving, pair still
      // allowed): as many as the excess must go. When more went, none of them provably had to.
      const { wanting, movedOff } = overCapacity(cur);
      if (wanting - combined.capacity[cur]! >= movedOff) return { kind: 'coachOverCapacity', coachId: from, capacity: combined.capacity[cur]!, currentCoachees: wanting };
      // What the solve weighed against the change price: the pair's weight (priority and
      // continuity included), not the coachee's own score gain, which may be below the price.
      const weightedGain = (weights[row]![to] as number) - (weights[row]![cur] as number);
      if (weightedGain > settings.changePrice) return { kind: 'betterFit', gain, weightedGain };
      return { kind: 'rearranged', gain, weightedGain, placeTakenBy: [] };
    }
  }
}

/** A refusal decided by solving: the reason, and for 'lowersTotal' the exit's best coach. */
type Refusal = Pick<RefusedExit, 'reason' | 'bestGain' | 'bestCoachId'>;

/** Moves the coachee had to make: their place was gone or they asked to leave and were let go. */
const forcedKinds: ReadonlySet<MoveReason['kind']> = new Set(['coachDroppedOut', 'coachInactive', 'exitGranted', 'coachOverCapacity', 'pairNotAllowed']);

/** Checks the request's ids and returns the current coach of each coachee that has one. */
function checkRequest(cohort: Cohort, request: RematchRequest): Map<string, string> {
  const issues: InputIssue[] = [];
  const coachees = new Set(cohort.coachees.map((c) => c.id));
  const coaches = new Map(cohort.coaches.map((c) => [c.id, c]));
  const dropouts = new Set(request.dropouts ?? []);
  const [coacheeNamer, coachNamer] = [unknownIdNamer(() => coachees), unknownIdNamer(() => coaches.keys())];
  const checkCoachee = (id: string, path: string) => coachees.has(id) || (issues.push({ path, message: coacheeNamer('coachee', id) }), false);
  const checkCoach = (id: string, path: string) => coaches.has(id) || (issues.push({ path, message: coachNamer('coach', id) }), false);
  const currentOf = new Map<string, string>();
  if (request.current === undefined) {
    for (const c of cohort.coachees) if (c.currentCoach !== undefined) currentOf.set(c.id, c.currentCoach);
  } else {
    request.current.forEach((p, n) => {
      const ok = checkCoachee(p.coacheeId, `$.current[${n}].coacheeId`) && checkCoach(p.coachId, `$.current[${n}].coachId`);
      if (!ok) return;
      if (currentOf.has(p.coacheeId) && currentOf.get(p.coacheeId) !== p.coachId) {
        issues.push({ path: `$.current[${n}].coacheeId`, message: `coachee '${p.coacheeId}' has two current coaches` });
      }
      currentOf.set(p.coacheeId, p.coachId);
    });
  }
  (request.dropouts ?? []).forEach((id, n) => checkCoach(id, `$.dropouts[${n}]`));
  (request.exits ?? []).forEach((id, n) => {
    if (checkCoachee(id, `$.exits[${n}]`) && !currentOf.has(id)) issues.push({ path: `$.exits[${n}]`, message: `coachee '${id}' has no current coach to leave` });
  });
  const exits = new Set(request.exits ?? []);
  (request.pins ?? []).forEach((p, n) => {
    if (!checkCoachee(p.coacheeId, `$.pins[${n}].coacheeId`) || !checkCoach(p.coachId, `$.pins[${n}].coachId`)) return;
    if (dropouts.has(p.coachId) || !coaches.get(p.coachId)!.active) issues.push({ path: `$.pins[${n}].coachId`, message: `coach '${p.coachId}' is not available` });
    if (exits.has(p.coacheeId)) issues.push({ path: `$.pins[${n}].coacheeId`, message: `coachee '${p.coacheeId}' asks to leave and is pinned` });
    // A pin keeps a current pair (the documented meaning); a pin elsewhere would force moves
    // that the move reasons (room, better fit) would then explain falsely.
    const now = currentOf.get(p.coacheeId);
    if (now !== p.coachId) {
      const actual = now === undefined ? `coachee '${p.coacheeId}' has no current coach` : `the current coach of coachee '${p.coacheeId}' is '${now}', not '${p.coachId}'`;
      issues.push({ path: `$.pins[${n}]`, message: `${actual}: a pin keeps a current pair` });
    }
  });
  if (issues.length > 0) throw new CoachmatchError('invalidArgument', 'Invalid re-match request', issues);
  return currentOf;
}

function clusters(exits: readonly string[], currentOf: ReadonlyMap<string, string>, threshold: number): ExitCluster[] {
  const byCoach = new Map<string, string[]>();
  for (const id of exits) {
    const coach = currentOf.get(id);
    if (coach !== undefined) byCoach.set(coach, [...(byCoach.get(coach) ?? []), id]);
  }
  return [...byCoach]
    .filter(([, ids]) => ids.length >= threshold)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([coachId, ids]) => ({
      coachId,
      coacheeIds: [...ids].sort(),
      message: `${ids.length} coachees ask to leave ${coachId}: the problem may be the coach, not the match`,
    }));
}
