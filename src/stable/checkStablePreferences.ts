import type { InputIssue } from '../errors.js';
import { toJsonPath } from '../model/toJsonPath.js';
import type { StablePreferences } from './stablePreferences.js';

/**
 * Cross-checks ranked lists by id: every coach a coachee ranks has a `coachPrefs` entry and
 * vice versa, no list names anyone twice, and `capacity` names only known coaches with a
 * non-negative integer. Returns every problem with its JSON path (empty when fine).
 *
 * @example
 * ```ts
 * checkStablePreferences({ coacheePrefs: { ann: ['zed'] }, coachPrefs: {} });
 * // [{ path: '$.coacheePrefs.ann[0]', message: 'unknown coach "zed"' }]
 * ```
 */
export function checkStablePreferences(prefs: StablePreferences): InputIssue[] {
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
  checkLists(prefs.coacheePrefs, 'coacheePrefs', coaches, 'coach');
  checkLists(prefs.coachPrefs, 'coachPrefs', coachees, 'coachee');
  for (const [coach, places] of Object.entries(prefs.capacity ?? {})) {
    const path = toJsonPath(['capacity', coach]);
    if (!coaches.has(coach)) issues.push({ path, message: `unknown coach ${JSON.stringify(coach)} (not in coachPrefs)` });
    else if (!Number.isInteger(places) || places < 0) issues.push({ path, message: 'expected a non-negative integer' });
  }
  return issues;
}
