import type { Cohort } from '../model/cohort.js';
import { isSettledCohort } from '../model/isSettledCohort.js';
import { free, relationLinks } from './coacheeLinks.js';
import { kindsByRecord } from './recordKinds.js';

/**
 * Per coachee row (the cohort's order), the first row it is an exact twin of (itself when none
 * comes before it), or null when no two rows are twins. Twins are coachees whose every input the
 * built-in policies read is the same: attributes, aspiration, needs, priority, and the same
 * relations to the same people (the same manager, say), with no preference, avoided coach or
 * current coach. Relations, clans and conflicts are all found from the coachee's own relations
 * onward: two coachees with the same ones get the same penalties and bans at every coach (a
 * relation between the two themselves makes their relations differ). Their pairs then weigh
 * the same at every coach, bit for bit, and their pair bounds agree, so a candidate match may
 * weigh and select one twin for all. Names are read into the texts of bans and flags alone,
 * which the final matching gives each coachee its own. Cohorts that record little of their
 * coachees are mostly twins (a sector and a gender: 15 kinds in 20,000). Found as the coachees
 * of one kind by record (see kindsByRecord) with no wish of their own and the same relations.
 */
export function exactTwins(cohort: Cohort): Int32Array | null {
  // Asked twice of a large cohort (the match by kinds, then the pair bounds).
  const settled = isSettledCohort(cohort);
  if (settled && found.has(cohort)) return found.get(cohort)!;
  const twins = findTwins(cohort);
  if (settled) found.set(cohort, twins);
  return twins;
}

/** exactTwins of settled cohorts (see isSettledCohort), by cohort; callers only read the answer. */
const found = new WeakMap<Cohort, Int32Array | null>();

function findTwins(cohort: Cohort): Int32Array | null {
  const { kindOf, size } = kindsByRecord(cohort)!;
  const rows = cohort.coachees.length;
  if (size.length === rows) return null;
  const linksOf = relationLinks(cohort);
  const twinOf = Int32Array.from({ length: rows }, (_, i) => i);
  // Per kind by record, its first free row of each set of relations.
  const firstOf = new Map<number, Map<string, number>>();
  let any = false;
  for (let i = 0; i < rows; i++) {
    const kind = kindOf[i]!;
    const coachee = cohort.coachees[i]!;
    if (size[kind]! < 2 || !free(coachee)) continue;
    let byLinks = firstOf.get(kind);
    if (byLinks === undefined) firstOf.set(kind, (byLinks = new Map()));
    const links = linksOf.get(coachee.id) ?? '';
    const first = byLinks.get(links);
    if (first === undefined) byLinks.set(links, i);
    else {
      twinOf[i] = first;
      any = true;
    }
  }
  return any ? twinOf : null;
}
