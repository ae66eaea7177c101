import { CoachmatchError } from '../errors.js';
import { compareIds } from '../model/compareIds.js';
import { checkStablePreferences } from './checkStablePreferences.js';
import { deferredAcceptance } from './deferredAcceptance.js';
import type { StableProblem } from './stableProblem.js';
import type { StableAssignmentById, StablePreferences } from './stablePreferences.js';

/**
 * Deferred acceptance on ranked lists by id: the coachee-optimal stable matching (coachees
 * propose) or, with `optimal: 'coach'`, the coach-optimal one.
 *
 * @remarks Output order does not depend on record order: coaches in id order
 * ({@link compareIds}), each coach's coachees in id order, unmatched coachees in id order.
 * Every coach appears, with an empty list when nobody is matched to them.
 *
 * @throws CoachmatchError of kind `invalidProblem` with JSON paths when the preferences are of
 * the wrong shape (a list with holes or not a list, a missing side, an `optimal` other than
 * `coachee` or `coach`, an unknown field), a list names an unknown or repeated id, or a
 * capacity is not an integer in 0..2^31−1 (at `$.capacity.<coach id>`; see
 * {@link checkStablePreferences}).
 *
 * @example
 * ```ts
 * stableMatchByIds({ coacheePrefs: { ann: ['kim'], bob: ['kim'] }, coachPrefs: { kim: ['bob', 'ann'] } });
 * // { matching: { kim: ['bob'] }, unmatched: ['ann'] }
 * ```
 */
export function stableMatchByIds(prefs: StablePreferences): StableAssignmentById {
  const issues = checkStablePreferences(prefs);
  if (issues.length > 0) throw new CoachmatchError('invalidProblem', 'Invalid preferences', issues.slice(0, 50));
  const coachees = Object.keys(prefs.coacheePrefs).sort(compareIds);
  const coaches = Object.keys(prefs.coachPrefs).sort(compareIds);
  const row = new Map(coachees.map((id, i) => [id, i]));
  const col = new Map(coaches.map((id, j) => [id, j]));
  const problem: StableProblem = {
    rows: coachees.length,
    cols: coaches.length,
    rowPrefs: coachees.map((id) => prefs.coacheePrefs[id]!.map((c) => col.get(c)!)),
    colPrefs: coaches.map((id) => prefs.coachPrefs[id]!.map((c) => row.get(c)!)),
    // An own property only: a coach "constructor" without one would find Object's.
    capacity: coaches.map((id) => (prefs.capacity !== undefined && Object.hasOwn(prefs.capacity, id) ? prefs.capacity[id]! : 1)),
  };
  // The shape check above admits only 'coachee', 'coach' or undefined (the default, 'coachee').
  const result = deferredAcceptance(problem, { proposer: prefs.optimal === 'coach' ? 'cols' : 'rows' });
  // No prototype: a coach id "__proto__" (possible from JSON.parse) is a key like any other.
  const matching: Record<string, string[]> = Object.create(null);
  coaches.forEach((id, j) => {
    matching[id] = result.members[j]!.map((i) => coachees[i]!).sort(compareIds);
  });
  const unmatched = coachees.filter((_, i) => result.assignment[i] === null);
  return { matching, unmatched };
}
