import type { AttributeValue, AttributeValues } from '../model/attributeValuesSchema.js';
import type { Coachee } from '../model/coacheeSchema.js';

const numberBits = new Float64Array(1);
const numberWords = new Int32Array(numberBits.buffer);

/** An FNV-1a hash of the fields {@link recordKey} writes, in the same order: equal keys, equal hashes. */
export function recordHash(coachee: Coachee): number {
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
export function recordKey(coachee: Coachee): string {
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
