import type { Cohort } from '../model/cohort.js';
import { free, relationLinks, twinHash, twinKey } from './exactTwins.js';

/**
 * The coachees by record: what the built-in policies read of a coachee itself (attributes,
 * aspiration, needs, priority; see exactTwins' twinKey), whatever its relations, preferences,
 * avoided or current coach. `plain` marks the coachees with none of those: the plain coachees of
 * a kind are exact twins, and weigh at every coach what the kind weighs. A kind without one
 * has a stand-in instead, its first coachee, marked plain too: the kind weighs what it does,
 * and its own exceptions become every other coachee's of the kind (see kindExceptions). Kinds
 * are numbered in the order of their first coachees; `plainFirst` is each kind's first plain
 * coachee (its stand-in when it has none), `standIn` each kind's stand-in (−1: none).
 */
export interface RecordKinds {
  readonly kindOf: Int32Array;
  readonly size: Int32Array;
  readonly plain: Uint8Array;
  readonly plainFirst: Int32Array;
  readonly standIn: Int32Array;
}

/**
 * The cohort's coachees by record (see {@link RecordKinds}); null as soon as the kinds number
 * more than `most`. A record's text is only built for rows whose hashes meet another's: in a
 * cohort without twins, none.
 */
export function recordKinds(cohort: Cohort, most = Infinity): RecordKinds | null {
  const rows = cohort.coachees.length;
  const kindOf = new Int32Array(rows);
  const plain = new Uint8Array(rows);
  const size: number[] = [];
  const plainFirst: number[] = [];
  // Per hash, its kinds, each with its first row and (once a second row meets it) its text.
  const byHash = new Map<number, { first: number; key: string | null; kind: number }[]>();
  const keyOf = (i: number) => twinKey(cohort.coachees[i]!);
  for (let i = 0; i < rows; i++) {
    const hash = twinHash(cohort.coachees[i]!);
    let known = byHash.get(hash);
    if (known === undefined) byHash.set(hash, (known = []));
    let kind = -1;
    if (known.length > 0) {
      const key = keyOf(i);
      for (const entry of known) {
        entry.key ??= keyOf(entry.first);
        if (entry.key === key) kind = entry.kind;
      }
    }
    if (kind === -1) {
      kind = size.length;
      if (kind >= most) return null;
      known.push({ first: i, key: null, kind });
      size.push(0);
      plainFirst.push(-1);
    }
    kindOf[i] = kind;
    size[kind]!++;
  }
  // Relations only once the kinds are few: a cohort without twins stops above, sooner.
  const linksOf = relationLinks(cohort, new Set(cohort.coachees.map((c) => c.id)));
  for (let i = 0; i < rows; i++) {
    const coachee = cohort.coachees[i]!;
    plain[i] = free(coachee) && !linksOf.has(coachee.id) ? 1 : 0;
    if (plain[i] === 1 && plainFirst[kindOf[i]!] === -1) plainFirst[kindOf[i]!] = i;
  }
  const standIn = new Int32Array(size.length).fill(-1);
  for (let i = 0; i < rows; i++) {
    const g = kindOf[i]!;
    if (plainFirst[g] !== -1) continue;
    plainFirst[g] = i;
    standIn[g] = i;
    plain[i] = 1;
  }
  return { kindOf, size: Int32Array.from(size), plain, plainFirst: Int32Array.from(plainFirst), standIn };
}
