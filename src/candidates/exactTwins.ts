import type { AttributeValue, AttributeValues } from '../model/attributeValuesSchema.js';
import type { Coachee } from '../model/coacheeSchema.js';
import type { Cohort } from '../model/cohort.js';
import { symmetricRelationTypes } from '../model/relationSchema.js';
import { isSettledCohort } from '../model/isSettledCohort.js';

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
 * coachees are mostly twins (a sector and a gender: 15 kinds in 20,000).
 */
export function exactTwins(cohort: Cohort): Int32Array | null {
  // Asked twice of a large cohort (the match by kinds, then the pair bounds): 0.3 s at 100,000.
  const settled = isSettledCohort(cohort);
  if (settled && found.has(cohort)) return found.get(cohort)!;
  const twins = findTwins(cohort);
  if (settled) found.set(cohort, twins);
  return twins;
}

/** exactTwins of settled cohorts (see isSettledCohort), by cohort; callers only read the answer. */
const found = new WeakMap<Cohort, Int32Array | null>();

function findTwins(cohort: Cohort): Int32Array | null {
  const coacheeIds = new Set(cohort.coachees.map((c) => c.id));
  const linksOf = relationLinks(cohort, coacheeIds);
  const rows = cohort.coachees.length;
  const twinOf = Int32Array.from({ length: rows }, (_, i) => i);
  // Rows by a hash of their record first: most cohorts have no twins, and a text key for each
  // of 100,000 coachees took 0.3–0.6 s; only rows whose hashes meet are compared by text.
  const firstWithHash = new Map<number, number>();
  // Per row whose hash an earlier row has, that row: the rows to compare.
  const meets = new Map<number, number[]>();
  cohort.coachees.forEach((coachee, i) => {
    if (!free(coachee)) return;
    const hash = hashText(twinHash(coachee), linksOf.get(coachee.id) ?? '');
    const first = firstWithHash.get(hash);
    if (first === undefined) firstWithHash.set(hash, i);
    else if (meets.has(first)) meets.get(first)!.push(i);
    else meets.set(first, [first, i]);
  });
  let any = false;
  for (const same of meets.values()) {
    const firstOf = new Map<string, number>();
    for (const i of same) {
      const coachee = cohort.coachees[i]!;
      const key = `${twinKey(coachee)}#${linksOf.get(coachee.id) ?? ''}`;
      const first = firstOf.get(key);
      if (first === undefined) firstOf.set(key, i);
      else {
        twinOf[i] = first;
        any = true;
      }
    }
  }
  return any ? twinOf : null;
}

/** Whether a coachee names no preferred, avoided or current coach. */
export function free(coachee: Coachee): boolean {
  return coachee.preferences.length === 0 && coachee.avoid.length === 0 && coachee.currentCoach === undefined;
}

/**
 * Per coachee with relations, its relations as text, sorted: each its type, which way it goes
 * (from the coachee, to it, or either for the symmetric types) and who is at the other end.
 */
export function relationLinks(cohort: Cohort, coacheeIds: ReadonlySet<string>): Map<string, string> {
  const links = new Map<string, string[]>();
  const add = (id: string, link: string) => {
    if (!coacheeIds.has(id)) return;
    const list = links.get(id);
    if (list === undefined) links.set(id, [link]);
    else list.push(link);
  };
  for (const { from, to, type } of cohort.relations) {
    const symmetric = symmetricRelationTypes.has(type);
    add(from, JSON.stringify([type, symmetric ? '~' : '>', to]));
    add(to, JSON.stringify([type, symmetric ? '~' : '<', from]));
  }
  return new Map([...links].map(([id, list]) => [id, list.sort().join(',')]));
}

const numberBits = new Float64Array(1);
const numberWords = new Int32Array(numberBits.buffer);

/** An FNV-1a hash of the fields {@link twinKey} writes, in the same order: equal keys, equal hashes. */
export function twinHash(coachee: Coachee): number {
  const { socioEmotional, network, autonomy, career } = coachee.needs;
  let hash = hashRecord(0x811c9dc5, coachee.attributes);
  hash = hashRecord(mix(hash, 1), coachee.aspiration);
  for (const n of [socioEmotional, network, autonomy, career, coachee.priority]) hash = hashNumber(hash, n);
  return hash;
}

function hashRecord(hash: number, values: AttributeValues): number {
  for (const key in values) {
    hash = hashText(mix(hash, 2), key);
    const value = values[key]!;
    if (typeof value === 'number') hash = hashNumber(mix(hash, 3), value);
    else if (typeof value === 'string') hash = hashText(mix(hash, 4), value);
    else for (const item of value) hash = hashText(mix(hash, 5), item);
  }
  return hash;
}

function hashText(hash: number, text: string): number {
  for (let q = 0; q < text.length; q++) hash = mix(hash, text.charCodeAt(q));
  return hash;
}

function hashNumber(hash: number, value: number): number {
  numberBits[0] = value;
  return mix(mix(hash, numberWords[0]!), numberWords[1]!);
}

function mix(hash: number, word: number): number {
  return Math.imul(hash ^ word, 0x01000193);
}

/**
 * Everything of the record a policy weighs, as text: each value tagged by its type, −0 apart
 * from 0. Attribute records come with their keys sorted (see Cohort), so equal records give
 * equal texts; were they not, twins would only be missed.
 */
export function twinKey(coachee: Coachee): string {
  const { socioEmotional, network, autonomy, career } = coachee.needs;
  return `${record(coachee.attributes)}|${record(coachee.aspiration)}|${numberKey(socioEmotional)},${numberKey(network)},${numberKey(autonomy)},${numberKey(career)},${numberKey(coachee.priority)}`;
}

function record(values: AttributeValues): string {
  let text = '';
  for (const key in values) text += `${JSON.stringify(key)}:${valueKey(values[key]!)};`;
  return text;
}

function valueKey(value: AttributeValue): string {
  if (typeof value === 'number') return `n${numberKey(value)}`;
  if (typeof value === 'string') return JSON.stringify(value);
  return `a${JSON.stringify(value)}`;
}

/** A number's exact text (String round-trips every double), with −0 told apart. */
function numberKey(value: number): string {
  return Object.is(value, -0) ? '-0' : String(value);
}
