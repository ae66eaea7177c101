import type { Cohort } from '../model/cohort.js';
import { cohortEncoding } from './_internals/cohortEncoding.js';
import { popcount, type EncodedIdentity } from './_internals/encodeIdentity.js';
import { profiles } from './_internals/profiles.js';
import { numericCloseness } from './numericCloseness.js';

/** Most patterns per coachee: a bound table keeps this many numbers per coachee (8 bytes each). */
const MAX_PATTERNS = 128;

/** Most column classes: a scan derives one number per class and row before it reads the row's pairs. */
const MAX_CLASSES = 1024;

/**
 * Levels the "differ" standing of a numeric or set attribute read by value is split into.
 * Without them a bound counts every such difference as total (an age 5 years off as much as
 * one 50 years off), which at 100,000 × 10,000 left twice the columns above a row's k-th pair
 * bound that the pair bounds then clear (196 against 105 a row with 4 levels).
 */
const DIFFERENCE_LEVELS = 4;

/**
 * A pair's standings on a few categorical or text identity attributes as one small integer,
 * the pair's pattern (`Σ standing · place`): what a bound can look up instead of assuming
 * every coach could share or differ on anything. A standing is 0 when the two differ (or the
 * coachee has no value: the attribute then adds nothing), 1 when they share the code, 2 when
 * the coach has no value (the pair skips the attribute).
 *
 * Categorical and text attributes come first, as far as their codes sort the coaches into
 * few classes: every coach of a class has the same codes, so a row works that part of its
 * patterns out once per class. Then one more attribute, of any kind, whose coaches hold few
 * distinct values (ages, hobby sets), a row works out once per value; for a numeric or set
 * attribute, how far the two differ is read too, in levels (see {@link IdentityPatterns.levels}).
 */
export interface IdentityPatterns {
  /** Distinct patterns: the product of the chosen attributes' radices (1 when none is chosen). */
  readonly count: number;
  /** Positions, in `identityShapes` order, of the attributes a pattern reads. */
  readonly attributes: readonly number[];
  /** Each chosen attribute's place value in a pattern, and its radix (2, or 3 when some coach has no value). */
  readonly place: readonly number[];
  readonly radix: readonly number[];
  /**
   * Per chosen attribute, how many levels its "differ" standing is split into (1: none). With
   * L > 1, the standings `radix − L + 1 + (l − 1)` for l = 1 … L − 1 mean "differ, by a
   * difference (the share of the attribute's weight that counts as difference) of at most
   * l / L"; standing 0 then means differ by more than (L − 1) / L, at most 1.
   */
  readonly levels: readonly number[];
  /**
   * For the q-th chosen attribute and a standing, the most of the attribute's weight a pair
   * with that standing counts as difference when the two differ: 1 for standing 0, l / L for
   * the l-th level; NaN when the standing is no difference (shared, or the coach has no value).
   */
  differenceBound(q: number, standing: number): number;
  /** Column classes, and each column's class. */
  readonly classes: number;
  readonly colClass: Int32Array;
  /** Writes into `out[c]` the pattern of `row` with any coach of class c (the classed attributes' part). */
  patternsOfRow(row: number, out: Int32Array): void;
  /**
   * The attribute read pair by pair, if any: per column a code for its value (`colValue`);
   * `valuePatterns(row, out)` writes the pattern part of each value code.
   */
  readonly colValue: Int32Array | null;
  valuePatterns(row: number, out: Int32Array): void;
}

/**
 * Chooses the heaviest categorical and text identity attributes whose patterns fit
 * {@link MAX_PATTERNS} (an attribute that every pool coach holds needs 2 standings, one some
 * coach lacks 3) and whose code combinations stay few, and sorts the coaches into classes.
 */
export function identityPatterns(cohort: Cohort): IdentityPatterns {
  const { identity, coaches } = cohortEncoding(cohort);
  const nC = coaches.length;
  const order = identity.map((e, k) => k).sort((a, b) => identity[b]!.declaration.weight - identity[a]!.declaration.weight || a - b);
  const classLimit = Math.min(MAX_CLASSES, Math.max(16, Math.floor(nC / 8)));
  const classed: { codes: Extract<EncodedIdentity, { kind: 'codes' }>; radix: number; digitCode: Int32Array }[] = [];
  const attributes: number[] = [];
  const place: number[] = [];
  const radixes: number[] = [];
  const levels: number[] = [];
  let count = 1;
  let classes = 1;
  for (const k of order) {
    const e = identity[k]!;
    if (e.kind !== 'codes') continue;
    // The codes coaches hold, −1 (none) first when some coach has none.
    const held = [...new Set(e.cols)].sort((a, b) => a - b);
    const radix = held[0]! < 0 ? 3 : 2;
    if (count * radix > MAX_PATTERNS || classes * held.length > classLimit) continue;
    classed.push({ codes: e, radix, digitCode: Int32Array.from(held) });
    attributes.push(k);
    place.push(count);
    radixes.push(radix);
    levels.push(1);
    count *= radix;
    classes *= held.length;
  }
  // Then the heaviest attribute left whose coaches hold few distinct values, read by value.
  let byValue: { e: EncodedIdentity; place: number; levels: number; firstLevel: number; colValue: Int32Array; firstOf: number[] } | null = null;
  for (const k of order) {
    if (attributes.includes(k)) continue;
    const e = identity[k]!;
    const base = coachMayMiss(e, nC) ? 3 : 2;
    if (count * base > MAX_PATTERNS) continue;
    const codes = valueCodes(e);
    if (codes === null) continue;
    // As many difference levels as the patterns have room for; codes differ all or nothing.
    const split = e.kind === 'codes' ? 1 : Math.min(DIFFERENCE_LEVELS, Math.floor(MAX_PATTERNS / count) - base + 1);
    const radix = base + split - 1;
    byValue = { e, place: count, levels: split, firstLevel: firstLevelOf(radix, split), ...codes };
    attributes.push(k);
    place.push(count);
    radixes.push(radix);
    levels.push(split);
    count *= radix;
    break;
  }
  // A column's class: its codes on the chosen attributes as digits, in mixed radix, the first attribute least significant.
  const colClass = new Int32Array(nC);
  let unit = 1;
  for (const { codes, digitCode } of classed) {
    const digitOf = new Map(Array.from(digitCode, (code, d) => [code, d]));
    for (let j = 0; j < nC; j++) colClass[j]! += digitOf.get(codes.cols[j]!)! * unit;
    unit *= digitCode.length;
  }
  return {
    count,
    attributes,
    place,
    radix: radixes,
    levels,
    differenceBound(q, standing) {
      if (standing === 0) return 1;
      const firstLevel = firstLevelOf(radixes[q]!, levels[q]!);
      return standing >= firstLevel ? (standing - firstLevel + 1) / levels[q]! : Number.NaN;
    },
    classes,
    colClass,
    patternsOfRow(row, out) {
      // Classes are every combination of the classed attributes' digits, the first attribute
      // least significant: the row's parts are built up one attribute at a time, the
      // combinations so far copied once per digit with that digit's part added. About
      // `classes` additions in all, where one pass per attribute over every class costs
      // `classes` each (measured at 504 classes of 4 attributes: 9.5 µs a row against 2 µs).
      out[0] = 0;
      let size = 1;
      for (let q = 0; q < classed.length; q++) {
        const { codes, digitCode } = classed[q]!;
        const a = codes.rows[row]!;
        const standingPlace = place[q]!;
        // Digits above 0 write past the combinations so far; digit 0 then adds in place.
        for (let d = digitCode.length - 1; d >= 0; d--) {
          // No value: the attribute adds nothing, any standing will do.
          const part = a < 0 ? 0 : digitCode[d] === a ? standingPlace : digitCode[d]! < 0 ? 2 * standingPlace : 0;
          if (d > 0) for (let l = 0, at = d * size; l < size; l++, at++) out[at] = out[l]! + part;
          else if (part !== 0) for (let l = 0; l < size; l++) out[l]! += part;
        }
        size *= digitCode.length;
      }
    },
    colValue: byValue === null ? null : byValue.colValue,
    valuePatterns(row, out) {
      if (byValue === null) return;
      const { e, place: at, levels: split, firstLevel, firstOf } = byValue;
      for (let v = 0; v < firstOf.length; v++) {
        const standing = standingOf(e, row, firstOf[v]!);
        const level = standing === 0 && split > 1 ? differenceLevel(e, row, firstOf[v]!, split) : split;
        out[v] = at * (level < split ? firstLevel + level - 1 : standing);
      }
    },
  };
}

/** The first standing that is a difference level (see {@link IdentityPatterns.levels}): beyond the radix when there are none. */
function firstLevelOf(radix: number, levels: number): number {
  return radix - levels + 1;
}

/** Whether some pool coach has no value for the attribute. */
function coachMayMiss(e: EncodedIdentity, nC: number): boolean {
  if (e.kind === 'codes') return e.cols.some((c) => c < 0);
  if (e.kind === 'numeric') return e.cols.some((v) => Number.isNaN(v));
  for (let j = 0; j < nC; j++) if (e.colHas[j] === 0) return true;
  return false;
}

/**
 * The least level l (1 … levels) with l / levels at least the difference of a pair that differs
 * on a numeric or set attribute, by the rules of `addIdentityRow`; a level more when the
 * difference comes within rounding of l / levels, since the features sum it in another order.
 */
function differenceLevel(e: EncodedIdentity, row: number, col: number, levels: number): number {
  let difference = 1;
  if (e.kind === 'numeric') {
    // A missing value has closeness 0: difference 1, the top level.
    difference = 1 - numericCloseness(e.rows[row]!, e.cols[col]!, e.declaration.scale);
  } else if (e.kind === 'set') {
    if (e.rowHas[row] === 0 || e.colHas[col] === 0) return levels;
    let inter = 0;
    let union = 0;
    for (let w = 0; w < e.words; w++) {
      const x = e.rows[row * e.words + w]!;
      const y = e.cols[col * e.words + w]!;
      inter += popcount(x & y);
      union += popcount(x | y);
    }
    difference = union > 0 ? 1 - inter / union : 0;
  }
  let level = Math.floor(difference * levels) + 1;
  if (level - difference * levels < 1e-9) level++;
  return Math.min(levels, level);
}

/** Most distinct coach values for which a row's standings are tabulated per value. */
const MAX_VALUES = 1024;

/**
 * The standing of one pair on one attribute, by the rules of `addIdentityPairs`: 0 differ (or
 * the coachee has no value), 1 share, 2 the coach has no value.
 */
function standingOf(e: EncodedIdentity, row: number, col: number): number {
  if (e.kind === 'codes') {
    const a = e.rows[row]!;
    const b = e.cols[col]!;
    return a < 0 ? 0 : b < 0 ? 2 : a === b ? 1 : 0;
  }
  if (e.kind === 'numeric') {
    const a = e.rows[row]!;
    const b = e.cols[col]!;
    return Number.isNaN(a) ? 0 : Number.isNaN(b) ? 2 : Math.abs(a - b) <= e.declaration.sharedWithin ? 1 : 0;
  }
  if (e.rowHas[row] === 0) return 0;
  if (e.colHas[col] === 0) return 2;
  for (let w = 0; w < e.words; w++) if ((e.rows[row * e.words + w]! & e.cols[col * e.words + w]!) !== 0) return 1;
  return 0;
}

/** Per column, a code for its value (equal values, equal codes) and the first column of each; null when there are too many. */
function valueCodes(e: EncodedIdentity): { colValue: Int32Array; firstOf: number[] } | null {
  const nC = e.kind === 'set' ? e.colHas.length : e.cols.length;
  const keyOf = (j: number): number | string => {
    if (e.kind !== 'set') return Number.isNaN(e.cols[j]!) ? 'none' : e.cols[j]!;
    return e.words === 1 ? e.cols[j]! : Array.from(e.cols.subarray(j * e.words, (j + 1) * e.words)).join(',');
  };
  const grouped = profiles(nC, keyOf, MAX_VALUES);
  return grouped === null ? null : { colValue: grouped.profile, firstOf: grouped.firstOf };
}
