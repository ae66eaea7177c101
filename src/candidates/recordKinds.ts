import type { Cohort } from '../model/cohort.js';
import { isSettledCohort } from '../model/isSettledCohort.js';
import { free, relationLinks } from './coacheeLinks.js';
import { recordHash, recordKey } from './recordKey.js';

/**
 * The coachees by record: what the built-in policies read of a coachee itself (attributes,
 * aspiration, needs, priority; see recordKey), whatever its relations, preferences,
 * avoided or current coach. `plain` marks the coachees with none of those: the plain coachees of
 * a kind are exact twins, and weigh at every coach what the kind weighs. A kind without one
 * has a stand-in instead, its first coachee, marked plain too: the kind weighs what it does,
 * except at its own exceptions, where a witness of the kind weighs it (see kindExceptions). Kinds
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

/** The cohort's coachees by record (see {@link RecordKinds}); null when the kinds number more than `most`. */
export function recordKinds(cohort: Cohort, most = Infinity): RecordKinds | null {
  const grouped = kindsByRecord(cohort, most);
  if (grouped === null) return null;
  const { kindOf, size } = grouped;
  const rows = cohort.coachees.length;
  const plain = new Uint8Array(rows);
  const plainFirst = new Int32Array(size.length).fill(-1);
  const linksOf = relationLinks(cohort);
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
  return { kindOf, size, plain, plainFirst, standIn };
}

/** Per coachee its kind by record (numbered in the order of their first coachees), and each kind's size. */
export interface KindsByRecord {
  readonly kindOf: Int32Array;
  readonly size: Int32Array;
}

/**
 * The coachees' kinds by record; null as soon as they number more than `most`, so a cohort
 * without twins stops early. A record's text is only built for rows whose hashes meet
 * another's: in a cohort without twins, none. Whole answers for settled cohorts (see
 * isSettledCohort) are kept: the exact twins refine them, and the match by kinds, the match
 * by near kinds and the pair bounds all ask.
 */
export function kindsByRecord(cohort: Cohort, most = Infinity): KindsByRecord | null {
  const settled = isSettledCohort(cohort);
  const known = settled ? byCohort.get(cohort) : undefined;
  if (known !== undefined) return known.size.length > most ? null : known;
  const rows = cohort.coachees.length;
  const kindOf = new Int32Array(rows);
  const size: number[] = [];
  // Per hash, its kinds, each with its first row and (once a second row meets it) its text.
  const byHash = new Map<number, { first: number; key: string | null; kind: number }[]>();
  const keyOf = (i: number) => recordKey(cohort.coachees[i]!);
  for (let i = 0; i < rows; i++) {
    const hash = recordHash(cohort.coachees[i]!);
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
    }
    kindOf[i] = kind;
    size[kind]!++;
  }
  const found = { kindOf, size: Int32Array.from(size) };
  if (settled) byCohort.set(cohort, found);
  return found;
}

const byCohort = new WeakMap<Cohort, KindsByRecord>();
