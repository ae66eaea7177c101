import { compareIds } from '../model/compareIds.js';
import type { ChangeReason } from './comparison.js';
import type { ScenarioRun } from './scenario.js';

/**
 * Term gains below this share of the terms' scale do not count as a reason: a changed pool
 * shifts every coachee's insiderness a little, which moves the similarity terms by hundredths
 * at most (see gainFloor).
 */
const MIN_GAIN = 0.01;

/** Per run, its largest |term value|, found once per run rather than once per coachee. */
const largestTerms = new WeakMap<ScenarioRun, number>();

function largestTerm(run: ScenarioRun): number {
  let largest = largestTerms.get(run);
  if (largest === undefined) {
    largest = 0;
    for (const term of run.terms) for (const v of term.values) if (Math.abs(v) > largest) largest = Math.abs(v);
    largestTerms.set(run, largest);
  }
  return largest;
}

/**
 * {@link MIN_GAIN} in the runs' utility points: as it always was when a term reaches 1, and that
 * share of the largest term below that. A fixed 0.01 hid every term's gain under policy weights
 * of 2^-10, and the coachee's reason became a place freed or a knock-on.
 */
function gainFloor(a: ScenarioRun, b: ScenarioRun): number {
  return MIN_GAIN * Math.min(1, Math.max(largestTerm(a), largestTerm(b)));
}

/**
 * Why a coachee has coach `to` in run `b` instead of coach `from` in run `a`: the first of these
 * that holds, each checked so that it is true, not merely plausible.
 *
 * 1. pinned in `b`;
 * 2. the old coach removed (by `b`; else only not in `b`'s pool, see leftThePool), banned for this coachee, no longer pinned to them, or cut below the
 *    load it had in `a` (only then did someone have to leave: a cut it still had room under is
 *    no reason);
 * 3. the new coach added (by `b`; else only not in `a`'s pool, see joinedThePool), or its ban for this coachee lifted; lost or gained a place;
 * 4. the term whose advantage for the new coach over the old grew most between the runs (by at
 *    least 1% of the largest term, or 0.01 when a term reaches 1);
 * 5. the new coach was full in `a` and gained places, or someone left it;
 * 6. the old coach is full in `b` and others took its places (a knock-on);
 * 7. otherwise `rearranged`: both coaches had room and no term moved, so the optimum moved this
 *    coachee along with others (often an equally good matching). Claiming a knock-on or a freed
 *    place here would be false.
 *
 * @example
 * ```ts
 * changeReason(baseline, diverse, 'student-04', 'coach-02', 'coach-11'); // { kind: 'termMoved', term: 'difference', … }
 * ```
 */
export function changeReason(a: ScenarioRun, b: ScenarioRun, coacheeId: string, from: string | null, to: string | null): ChangeReason {
  if (b.scenario.pins.some((p) => p.coacheeId === coacheeId)) return { kind: 'pinned' };
  if (from !== null) {
    if (!b.coachIds.includes(from)) return leftThePool(a, b, from);
    const bannedInB = b.bans[`${coacheeId}→${from}`];
    if (bannedInB !== undefined && a.bans[`${coacheeId}→${from}`] === undefined) return { kind: 'banned', coachId: from, reasons: bannedInB };
    if (a.scenario.pins.some((p) => p.coacheeId === coacheeId && p.coachId === from)) return { kind: 'unpinned', coachId: from };
    // A cut is the reason only if it left fewer places than the coach held in `a`: else everyone could stay.
    if (capacityOf(b, from) < holders(a, from).size) return { kind: 'capacity', coachId: from, from: capacityOf(a, from), to: capacityOf(b, from) };
  }
  if (to !== null && !a.coachIds.includes(to)) return joinedThePool(a, b, to);
  if (to !== null) {
    const bannedInA = a.bans[`${coacheeId}→${to}`];
    if (bannedInA !== undefined && b.bans[`${coacheeId}→${to}`] === undefined) return { kind: 'banLifted', coachId: to, reasons: bannedInA };
  }
  if (to === null) return { kind: 'unplaced' };
  if (from === null) return { kind: 'placed' };
  const moved = movedTerm(a, b, coacheeId, from, to);
  if (moved !== null) return moved;
  // A place at the new coach opened only if it had none to spare in `a`.
  const [atNewBefore, atNewAfter] = [holders(a, to), holders(b, to)];
  if (atNewBefore.size >= capacityOf(a, to)) {
    if (capacityOf(b, to) > capacityOf(a, to)) return { kind: 'placesAdded', coachId: to, from: capacityOf(a, to), to: capacityOf(b, to) };
    const freedBy = [...atNewBefore].filter((id) => !atNewAfter.has(id)).sort(compareIds);
    // Never empty here: a coach full in `a` whose places did not grow could take this coachee only if someone left.
    if (freedBy.length > 0) return { kind: 'placeFreed', coachId: to, freedBy };
  }
  // Others took the old coach's place only if it has none to spare in `b`.
  const [atOldBefore, atOldAfter] = [holders(a, from), holders(b, from)];
  const takenBy = [...atOldAfter].filter((id) => !atOldBefore.has(id)).sort(compareIds);
  if (takenBy.length > 0 && atOldAfter.size >= capacityOf(b, from)) return { kind: 'knockOn', coachId: from, takenBy };
  return { kind: 'rearranged' };
}

/**
 * Why a coach of `a`'s pool is not in `b`'s: `b` removed it, or else it is missing only
 * relative to the baseline `a` (which added it, or whose base cohort differs). "Removed" would
 * be false of a scenario that never named the coach.
 */
function leftThePool(a: ScenarioRun, b: ScenarioRun, coachId: string): ChangeReason {
  if (b.scenario.removedCoaches.includes(coachId)) return { kind: 'coachRemoved', coachId };
  return { kind: 'coachNotHere', coachId, addedInBaseline: a.scenario.addedCoaches.includes(coachId) };
}

/** Why a coach of `b`'s pool is not in `a`'s: `b` added it, or else the baseline `a` removed it (or its base cohort differs). */
function joinedThePool(a: ScenarioRun, b: ScenarioRun, coachId: string): ChangeReason {
  if (b.scenario.addedCoaches.includes(coachId)) return { kind: 'coachAdded', coachId };
  return { kind: 'coachNotInBaseline', coachId, removedInBaseline: a.scenario.removedCoaches.includes(coachId) };
}

/** The coachees `coachId` holds in the run's matching. */
function holders(run: ScenarioRun, coachId: string): Set<string> {
  return new Set(run.matching?.coaches.find((c) => c.coachId === coachId)?.coacheeIds ?? []);
}

/** The coach's places in the run (the coach is in its pool). */
function capacityOf(run: ScenarioRun, coachId: string): number {
  return run.capacity[run.coachIds.indexOf(coachId)]!;
}

function movedTerm(a: ScenarioRun, b: ScenarioRun, coacheeId: string, from: string, to: string): ChangeReason | null {
  const advantage = (run: ScenarioRun, key: string) => {
    const term = run.terms.find((t) => t.key === key);
    const row = run.coacheeIds.indexOf(coacheeId);
    if (term === undefined || row < 0) return 0;
    const cols = run.coachIds.length;
    return term.values[row * cols + run.coachIds.indexOf(to)]! - term.values[row * cols + run.coachIds.indexOf(from)]!;
  };
  let best: ChangeReason | null = null;
  // A gain of the floor itself counts, up to its rounding.
  let bestGain = gainFloor(a, b) * (1 - 1e-9);
  for (const term of b.terms) {
    const gain = advantage(b, term.key) - advantage(a, term.key);
    if (gain > bestGain) {
      bestGain = gain;
      best = { kind: 'termMoved', term: term.key, label: term.label, gain };
    }
  }
  return best;
}
