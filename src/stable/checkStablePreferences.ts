import { z } from 'zod';
import type { InputIssue } from '../errors.js';
import { toJsonPath } from '../model/toJsonPath.js';
import { zodIssuesToInputIssues } from '../model/zodIssuesToInputIssues.js';
import type { StablePreferences } from './stablePreferences.js';
import { compareIds } from '../model/compareIds.js';
import { lookalikeDifference, sameLookingKey } from '../text/lookalike.js';

// z.array reads every index, so a hole in a list is an issue at its own path.
const listsSchema = z.record(z.string(), z.array(z.string()));

/**
 * The shape of {@link StablePreferences}: ranked lists of string ids (no holes), capacities,
 * and `optimal` one of its two values when given (undefined means the default, `coachee`); a
 * misspelt value such as `'Coach'` would otherwise silently give the other side's matching.
 * Unknown fields are refused for the same reason. Capacities are checked with the
 * cross-references below, so that each is reported at its coach's id.
 */
export const stablePreferencesShapeSchema = z.strictObject({
  coacheePrefs: listsSchema,
  coachPrefs: listsSchema,
  capacity: z.record(z.string(), z.unknown()).optional(),
  optimal: z.enum(['coachee', 'coach']).optional(),
});

/** Capacities are held as 32-bit integers (see preferenceRanks). */
const MAX_CAPACITY = 0x7fffffff;

/**
 * Checks ranked lists by id: first their shape (see {@link stablePreferencesShapeSchema}),
 * then that every coach a coachee ranks has a `coachPrefs` entry and vice versa, no list names
 * anyone twice, and `capacity` names only known coaches with an integer in 0..2^31−1. Returns
 * every problem with its JSON path (empty when fine).
 *
 * @example
 * ```ts
 * checkStablePreferences({ coacheePrefs: { ann: ['zed'] }, coachPrefs: {} });
 * // [{ path: '$.coacheePrefs.ann[0]', message: 'unknown coach "zed"' }]
 * ```
 */
export function checkStablePreferences(input: unknown): InputIssue[] {
  const shape = stablePreferencesShapeSchema.safeParse(input);
  if (!shape.success) return zodIssuesToInputIssues(shape.error.issues);
  const prefs = input as StablePreferences;
  const issues: InputIssue[] = [];
  const coachees = new Set(Object.keys(prefs.coacheePrefs));
  const coaches = new Set(Object.keys(prefs.coachPrefs));
  const checkLists = (lists: StablePreferences['coacheePrefs'], key: string, known: ReadonlySet<string>, what: string) => {
    for (const [owner, list] of Object.entries(lists)) {
      const seen = new Set<string>();
      list.forEach((id, at) => {
        const path = toJsonPath([key, owner, at]);
        if (!known.has(id)) issues.push({ path, message: `unknown ${what} ${JSON.stringify(id)}` });
        else if (seen.has(id)) issues.push({ path, message: `${what} ${JSON.stringify(id)} is ranked twice` });
        seen.add(id);
      });
    }
  };
  checkIds(prefs, issues);
  checkLists(prefs.coacheePrefs, 'coacheePrefs', coaches, 'coach');
  checkLists(prefs.coachPrefs, 'coachPrefs', coachees, 'coachee');
  for (const [coach, places] of Object.entries(prefs.capacity ?? {})) {
    const path = toJsonPath(['capacity', coach]);
    if (!coaches.has(coach)) issues.push({ path, message: `unknown coach ${JSON.stringify(coach)} (not in coachPrefs)` });
    else if (!Number.isInteger(places) || places < 0 || places > MAX_CAPACITY) issues.push({ path, message: `expected an integer from 0 to ${MAX_CAPACITY}` });
  }
  return issues;
}

/**
 * One id, one person, as in a cohort (see crossCheckCohort): an id on both sides, or two ids
 * that print alike (Unicode form, invisible characters, spaces at either end), could not be
 * told apart in the matching. Ids are taken in canonical order, coachees first, so the issue
 * falls on the same one whatever the order of the keys.
 */
function checkIds(prefs: StablePreferences, issues: InputIssue[]): void {
  const firstLooking = new Map<string, { id: string; at: string }>();
  for (const side of ['coacheePrefs', 'coachPrefs'] as const) {
    for (const id of Object.keys(prefs[side]).sort(compareIds)) {
      const at = toJsonPath([side, id]);
      const twin = firstLooking.get(sameLookingKey(id));
      if (twin === undefined) firstLooking.set(sameLookingKey(id), { id, at });
      else if (twin.id === id) issues.push({ path: at, message: `id ${JSON.stringify(id)} is also a coachee (at ${twin.at}): one id names one person` });
      else issues.push({ path: at, message: `id ${JSON.stringify(id)} differs from ${JSON.stringify(twin.id)} (at ${twin.at}) only in ${lookalikeDifference(id, twin.id)}: use one spelling` });
    }
  }
}
