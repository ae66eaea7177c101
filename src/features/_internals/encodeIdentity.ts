import { attributeOf } from '../../model/attributeOf.js';
import type { AttributeDeclaration } from '../../model/attributeDeclarationSchema.js';
import type { AttributeValue } from '../../model/attributeValuesSchema.js';
import type { AttributeProfile } from '../attributeProfile.js';
import { hasValue } from '../hasValue.js';
import { normalizeText } from '../normalizeText.js';
import { numericSharing, setSharing } from './poolSharing.js';
import { valueCodes } from './valueCodes.js';

/**
 * One identity attribute encoded for pairwise typed-array loops: rows are coachees, columns
 * the pool's coaches. Pool statistics (`colCount`, `colShare`) are what insiderness and rarity
 * need.
 */
export type EncodedIdentity =
  | {
      /** Categorical or text: one code per person, −1 when missing. */
      readonly kind: 'codes';
      readonly declaration: AttributeDeclaration;
      readonly rows: Int32Array;
      readonly cols: Int32Array;
      /** Number of pool coaches holding each code. */
      readonly colCount: Int32Array;
      /** Number of pool coaches sharing each coachee's value (insiderness's count). */
      readonly rowSharing: Int32Array;
    }
  | {
      readonly kind: 'numeric';
      readonly declaration: Extract<AttributeDeclaration, { kind: 'numeric' }>;
      /** Values, NaN when missing. */
      readonly rows: Float64Array;
      readonly cols: Float64Array;
      /** Share of the pool within `sharedWithin` of each coach's value (0 when missing). */
      readonly colShare: Float64Array;
      readonly rowSharing: Int32Array;
    }
  | {
      readonly kind: 'set';
      readonly declaration: AttributeDeclaration;
      /** 32-bit words per person's bitset. */
      readonly words: number;
      readonly rows: Uint32Array;
      readonly cols: Uint32Array;
      /** 1 when the person's set is not empty. */
      readonly rowHas: Uint8Array;
      readonly colHas: Uint8Array;
      /** Number of pool coaches holding each element. */
      readonly colCount: Int32Array;
      /** Share of the pool sharing at least one element with each coach (0 when empty). */
      readonly colShare: Float64Array;
      readonly rowSharing: Int32Array;
    };

/** Number of set bits in a 32-bit word. */
export function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

const stringOf = (d: AttributeDeclaration, v: AttributeValue | undefined): string | undefined =>
  typeof v === 'string' && hasValue(v) ? (d.kind === 'text' ? normalizeText(v) : v) : undefined;

/** Encodes one identity attribute of the given coachees (rows) and pool coaches (cols). */
export function encodeIdentity(
  d: AttributeDeclaration,
  coachees: readonly AttributeProfile[],
  pool: readonly AttributeProfile[],
): EncodedIdentity {
  const nC = pool.length;
  if (d.kind === 'numeric') {
    const num = (p: AttributeProfile) => {
      const v = attributeOf(p.attributes, d.key);
      return typeof v === 'number' && Number.isFinite(v) ? v : NaN;
    };
    const rows = Float64Array.from(coachees, num);
    const cols = Float64Array.from(pool, num);
    const sharing = numericSharing(cols, d.sharedWithin);
    const colShare = Float64Array.from(cols, (v) => sharing(v) / nC);
    const rowSharing = Int32Array.from(rows, sharing);
    return { kind: 'numeric', declaration: d, rows, cols, colShare, rowSharing };
  }
  if (d.kind === 'set') {
    const elements = (p: AttributeProfile): readonly string[] => {
      const v = attributeOf(p.attributes, d.key);
      return Array.isArray(v) ? (v as readonly string[]) : [];
    };
    const codes = valueCodes([...coachees, ...pool].flatMap(elements));
    const words = Math.max(1, Math.ceil(codes.size / 32));
    const bits = (people: readonly AttributeProfile[]) => {
      const out = new Uint32Array(people.length * words);
      const has = new Uint8Array(people.length);
      people.forEach((p, i) => {
        for (const e of elements(p)) {
          const c = codes.code(e);
          out[i * words + (c >>> 5)]! |= 1 << (c & 31);
          has[i] = 1;
        }
      });
      return { out, has };
    };
    const r = bits(coachees);
    const c = bits(pool);
    const colCount = new Int32Array(codes.size);
    for (let j = 0; j < nC; j++) {
      for (let w = 0; w < words; w++) {
        let x = c.out[j * words + w]!;
        while (x !== 0) {
          const low = x & -x;
          colCount[w * 32 + (31 - Math.clz32(low))]!++;
          x ^= low;
        }
      }
    }
    const sharing = setSharing(c.out, words, nC);
    const colShare = new Float64Array(nC);
    for (let j = 0; j < nC; j++) if (c.has[j] === 1) colShare[j] = sharing(c.out, j) / nC;
    const rowSharing = new Int32Array(coachees.length);
    for (let i = 0; i < coachees.length; i++) if (r.has[i] === 1) rowSharing[i] = sharing(r.out, i);
    return { kind: 'set', declaration: d, words, rows: r.out, cols: c.out, rowHas: r.has, colHas: c.has, colCount, colShare, rowSharing };
  }
  // Each person's string once (text is normalised, which costs), then plain loops: typed
  // arrays' from with a callback cost about 100 ns an element, and there are 100,000 coachees.
  const rowStrings = coachees.map((p) => stringOf(d, attributeOf(p.attributes, d.key)));
  const colStrings = pool.map((p) => stringOf(d, attributeOf(p.attributes, d.key)));
  const codes = valueCodes([...rowStrings, ...colStrings].filter((s): s is string => s !== undefined));
  const encode = (strings: readonly (string | undefined)[]) => {
    const out = new Int32Array(strings.length);
    for (let q = 0; q < strings.length; q++) out[q] = strings[q] === undefined ? -1 : codes.code(strings[q]!);
    return out;
  };
  const rows = encode(rowStrings);
  const cols = encode(colStrings);
  const colCount = new Int32Array(codes.size);
  for (let j = 0; j < nC; j++) if (cols[j]! >= 0) colCount[cols[j]!]!++;
  const rowSharing = new Int32Array(rows.length);
  for (let i = 0; i < rows.length; i++) if (rows[i]! >= 0) rowSharing[i] = colCount[rows[i]!]!;
  return { kind: 'codes', declaration: d, rows, cols, colCount, rowSharing };
}
