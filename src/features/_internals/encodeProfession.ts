import { attributeOf } from '../../model/attributeOf.js';
import type { AttributeDeclaration } from '../../model/attributeDeclarationSchema.js';
import type { AttributeValue, AttributeValues } from '../../model/attributeValuesSchema.js';
import { hasValue } from '../hasValue.js';
import { normalizeText } from '../normalizeText.js';
import { valueCodes } from './valueCodes.js';

/** Codes per person in compressed rows: person i holds `codes[offsets[i] .. offsets[i+1])`. */
export interface CodeLists {
  readonly offsets: Int32Array;
  readonly codes: Int32Array;
}

/** One profession attribute encoded for the aspiration-fit loop. */
export type EncodedProfession =
  | {
      readonly kind: 'codes';
      readonly credit: number;
      /** Codes the coachees aspire to (rows) and the coaches hold (cols). */
      readonly rows: CodeLists;
      readonly cols: CodeLists;
      readonly size: number;
      /** size × size similarity: 1 on the diagonal, `related.credit` within a related group. */
      readonly similarity: Float64Array;
    }
  | {
      readonly kind: 'numeric';
      readonly credit: number;
      readonly span: number;
      /** NaN when missing. */
      readonly rows: Float64Array;
      readonly cols: Float64Array;
    };

/** Encodes one profession attribute: coachees' aspirations (rows) against coaches' values (cols). */
export function encodeProfession(
  d: AttributeDeclaration,
  aspirations: readonly AttributeValues[],
  held: readonly AttributeValues[],
): EncodedProfession {
  if (d.kind === 'numeric') {
    const num = (v: AttributeValues) => {
      const x = attributeOf(v, d.key);
      return typeof x === 'number' && Number.isFinite(x) ? x : NaN;
    };
    return {
      kind: 'numeric',
      credit: d.credit,
      span: d.scale.max - d.scale.min,
      rows: Float64Array.from(aspirations, num),
      cols: Float64Array.from(held, num),
    };
  }
  const norm = d.kind === 'text' ? normalizeText : (s: string) => s;
  const strings = (v: AttributeValue | undefined): string[] => {
    if (!hasValue(v)) return [];
    if (typeof v === 'string') return [norm(v)];
    return Array.isArray(v) ? (v as readonly string[]).map(norm) : [];
  };
  const groups = (d.related?.groups ?? []).map((g) => g.map(norm));
  const codes = valueCodes([
    ...aspirations.flatMap((v) => strings(attributeOf(v, d.key))),
    ...held.flatMap((v) => strings(attributeOf(v, d.key))),
    ...groups.flat(),
  ]);
  const lists = (values: readonly AttributeValues[]): CodeLists => {
    const offsets = new Int32Array(values.length + 1);
    const all: number[] = [];
    values.forEach((v, i) => {
      for (const s of strings(attributeOf(v, d.key))) all.push(codes.code(s));
      offsets[i + 1] = all.length;
    });
    return { offsets, codes: Int32Array.from(all) };
  };
  const size = codes.size;
  const similarity = new Float64Array(size * size);
  const credit = d.related?.credit ?? 0;
  for (const g of groups) {
    for (const a of g) for (const b of g) similarity[codes.code(a) * size + codes.code(b)] = credit;
  }
  for (let c = 0; c < size; c++) similarity[c * size + c] = 1;
  return { kind: 'codes', credit: d.credit, rows: lists(aspirations), cols: lists(held), size, similarity };
}
