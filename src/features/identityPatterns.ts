import type { Cohort } from '../model/cohort.js';
import { cohortEncoding } from './_internals/cohortEncoding.js';
import type { EncodedIdentity } from './_internals/encodeIdentity.js';

/** Most patterns per coachee: a bound table keeps this many numbers per coachee (8 bytes each). */
const MAX_PATTERNS = 64;

/** Most column classes: a scan derives one number per class and row before it reads the row's pairs. */
const MAX_CLASSES = 1024;

/**
 * A pair's standings on a few identity attributes as one small integer, the pair's pattern
 * (`Σ standing · place`): what a bound can look up per pair instead of assuming every coach
 * could share or differ on anything. A standing is 0 when the two differ (or the coachee has
 * no value: the attribute then adds nothing), 1 when they share the attribute as common
 * ground counts sharing (same code, numbers within `sharedWithin`, a common set element), 2
 * when the coach has no value (the pair skips the attribute).
 *
 * The categorical and text attributes come first (the lowest places) and, as far as their
 * value combinations stay few, sort the coaches into classes: every coach of a class has the
 * same codes, so the pattern's first part (`classed`, below `classedCount`) is the same for
 * all of them and a row works it out once per class, not once per pair. The rest of the
 * pattern is read per pair ({@link patternAt}).
 */
export interface IdentityPatterns {
  /** Distinct patterns: the product of the chosen attributes' radices (1 when none is chosen). */
  readonly count: number;
  /** Positions, in `identityShapes` order, of the attributes a pattern reads. */
  readonly attributes: readonly number[];
  /** Each chosen attribute's place value in a pattern. */
  readonly place: readonly number[];
  /** Distinct values of the classed part: patterns are `classed + classedCount · rest`. */
  readonly classedCount: number;
  /** Column classes, and each column's class. */
  readonly classes: number;
  readonly colClass: Int32Array;
  /** Writes into `out[c]` the classed part of the pattern of `row` with any coach of class c. */
  classedRow(row: number, out: Int32Array): void;
  /** The whole pattern of one pair. */
  patternAt(row: number, col: number): number;
}

/**
 * Chooses the heaviest identity attributes whose patterns fit {@link MAX_PATTERNS} (an
 * attribute that every pool coach holds needs 2 standings, one some coach lacks 3) and
 * returns how to read them per pair.
 */
export function identityPatterns(cohort: Cohort): IdentityPatterns {
  const { identity, coaches } = cohortEncoding(cohort);
  const nC = coaches.length;
  const order = identity.map((e, k) => k).sort((a, b) => identity[b]!.declaration.weight - identity[a]!.declaration.weight || a - b);
  const chosen: { k: number; radix: number }[] = [];
  let count = 1;
  for (const k of order) {
    const radix = coachMayMiss(identity[k]!, nC) ? 3 : 2;
    if (count * radix > MAX_PATTERNS) continue;
    chosen.push({ k, radix });
    count *= radix;
  }
  // Classed: codes attributes, heaviest first, while the combinations of the codes coaches
  // hold (and "none", when some coach has none) stay few.
  const classLimit = Math.min(MAX_CLASSES, Math.max(16, Math.floor(nC / 8)));
  const classed: { k: number; radix: number; digitCode: Int32Array }[] = [];
  let classes = 1;
  for (const { k, radix } of chosen) {
    const e = identity[k]!;
    if (e.kind !== 'codes') continue;
    const held = [...new Set(e.cols)].sort((a, b) => a - b); // −1 (none) first when present
    if (classes * held.length > classLimit) continue;
    classed.push({ k, radix, digitCode: Int32Array.from(held) });
    classes *= held.length;
  }
  const rest = chosen.filter((c) => !classed.some((d) => d.k === c.k));
  const attributes: number[] = [];
  const place: number[] = [];
  let next = 1;
  for (const { k, radix } of [...classed, ...rest]) {
    attributes.push(k);
    place.push(next);
    next *= radix;
  }
  const classedCount = classed.reduce((n, c) => n * c.radix, 1);
  const readers = attributes.map((k, q) => standingReader(identity[k]!, place[q]!));
  // A column's class: its codes on the classed attributes as digits, in mixed radix.
  const colClass = new Int32Array(nC);
  const classPlace: number[] = [];
  let unit = 1;
  for (const { k, digitCode } of classed) {
    const cols = (identity[k] as Extract<EncodedIdentity, { kind: 'codes' }>).cols;
    const digitOf = new Map(Array.from(digitCode, (code, d) => [code, d]));
    for (let j = 0; j < nC; j++) colClass[j]! += digitOf.get(cols[j]!)! * unit;
    classPlace.push(unit);
    unit *= digitCode.length;
  }
  return {
    count,
    attributes,
    place,
    classedCount,
    classes,
    colClass,
    classedRow(row, out) {
      out.fill(0, 0, classes);
      classed.forEach(({ k, digitCode }, q) => {
        const a = (identity[k] as Extract<EncodedIdentity, { kind: 'codes' }>).rows[row]!;
        if (a < 0) return; // no value: the attribute adds nothing, any standing will do
        const unitOf = classPlace[q]!;
        const standingPlace = place[q]!;
        const values = digitCode.length;
        for (let c = 0; c < classes; c++) {
          const code = digitCode[Math.floor(c / unitOf) % values]!;
          out[c]! += code === a ? standingPlace : code < 0 ? 2 * standingPlace : 0;
        }
      });
    },
    patternAt(row, col) {
      let pattern = 0;
      for (const read of readers) pattern += read(row, col);
      return pattern;
    },
  };
}

/** Whether some pool coach has no value for the attribute. */
function coachMayMiss(e: EncodedIdentity, nC: number): boolean {
  if (e.kind === 'codes') return e.cols.some((c) => c < 0);
  if (e.kind === 'numeric') return e.cols.some((v) => Number.isNaN(v));
  for (let j = 0; j < nC; j++) if (e.colHas[j] === 0) return true;
  return false;
}

/** `standing · place` of one pair on one attribute, by the standing rules of `addIdentityPairs`. */
function standingReader(e: EncodedIdentity, place: number): (row: number, col: number) => number {
  const missing = 2 * place;
  if (e.kind === 'codes') {
    const { rows, cols } = e;
    return (row, col) => {
      const a = rows[row]!;
      const b = cols[col]!;
      return a < 0 ? 0 : b < 0 ? missing : a === b ? place : 0;
    };
  }
  if (e.kind === 'numeric') {
    const { rows, cols } = e;
    const within = e.declaration.sharedWithin;
    return (row, col) => {
      const a = rows[row]!;
      const b = cols[col]!;
      return Number.isNaN(a) ? 0 : Number.isNaN(b) ? missing : Math.abs(a - b) <= within ? place : 0;
    };
  }
  const { rows, cols, rowHas, colHas, words } = e;
  return (row, col) => {
    if (rowHas[row] === 0) return 0;
    if (colHas[col] === 0) return missing;
    for (let w = 0; w < words; w++) if ((rows[row * words + w]! & cols[col * words + w]!) !== 0) return place;
    return 0;
  };
}
