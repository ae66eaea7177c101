import type { Cohort } from '../model/cohort.js';
import { cohortEncoding } from './_internals/cohortEncoding.js';
import type { EncodedIdentity } from './_internals/encodeIdentity.js';

/** Most patterns per coachee: a bound table keeps this many numbers per coachee (8 bytes each). */
const MAX_PATTERNS = 64;

/**
 * A pair's standings on a few identity attributes as one small integer, the pair's pattern
 * (`Σ standing · place`): what a bound can look up per pair instead of assuming every coach
 * could share or differ on anything. A standing is 0 when the two differ (or the coachee has
 * no value: the attribute then adds nothing), 1 when they share the attribute as common
 * ground counts sharing (same code, numbers within `sharedWithin`, a common set element), 2
 * when the coach has no value (the pair skips the attribute). Reading a pattern costs a
 * comparison per attribute, far less than the attribute's exact features.
 */
export interface IdentityPatterns {
  /** Distinct patterns: the product of the chosen attributes' radices (1 when none is chosen). */
  readonly count: number;
  /** Positions, in `identityShapes` order, of the attributes a pattern reads. */
  readonly attributes: readonly number[];
  /** Each chosen attribute's place value in a pattern. */
  readonly place: readonly number[];
  /** Writes into `out[j]` the pattern of (row, j) for every column j. */
  patternRow(row: number, out: Int32Array): void;
  /** The pattern of one pair, as {@link patternRow} gives it. */
  patternAt(row: number, col: number): number;
}

/**
 * Chooses the heaviest identity attributes whose patterns fit {@link MAX_PATTERNS} (an
 * attribute that every pool coach holds needs 2 standings, one some coach lacks 3) and
 * returns how to read them per pair.
 */
export function identityPatterns(cohort: Cohort): IdentityPatterns {
  const { identity, coaches } = cohortEncoding(cohort);
  const order = identity.map((e, k) => k).sort((a, b) => identity[b]!.declaration.weight - identity[a]!.declaration.weight || a - b);
  const attributes: number[] = [];
  const place: number[] = [];
  let count = 1;
  for (const k of order) {
    const radix = coachMayMiss(identity[k]!, coaches.length) ? 3 : 2;
    if (count * radix > MAX_PATTERNS) continue;
    attributes.push(k);
    place.push(count);
    count *= radix;
  }
  const readers = attributes.map((k, q) => standingReader(identity[k]!, place[q]!));
  return {
    count,
    attributes,
    place,
    patternRow(row, out) {
      out.fill(0);
      for (const read of readers) read.row(row, out);
    },
    patternAt(row, col) {
      let pattern = 0;
      for (const read of readers) pattern += read.at(row, col);
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

interface StandingReader {
  /** Adds `standing · place` of (row, j) to `out[j]` for every column. */
  row(row: number, out: Int32Array): void;
  at(row: number, col: number): number;
}

/** The standing rules of `addIdentityPairs`, times the attribute's place value. */
function standingReader(e: EncodedIdentity, place: number): StandingReader {
  const missing = 2 * place;
  if (e.kind === 'codes') {
    const { rows, cols } = e;
    const at = (a: number, b: number) => (b < 0 ? missing : a === b ? place : 0);
    return {
      row(row, out) {
        const a = rows[row]!;
        if (a < 0) return;
        for (let j = 0; j < out.length; j++) {
          const b = cols[j]!;
          if (b === a) out[j]! += place;
          else if (b < 0) out[j]! += missing;
        }
      },
      at: (row, col) => (rows[row]! < 0 ? 0 : at(rows[row]!, cols[col]!)),
    };
  }
  if (e.kind === 'numeric') {
    const { rows, cols } = e;
    const within = e.declaration.sharedWithin;
    const at = (a: number, b: number) => (Number.isNaN(b) ? missing : Math.abs(a - b) <= within ? place : 0);
    return {
      row(row, out) {
        const a = rows[row]!;
        if (Number.isNaN(a)) return;
        for (let j = 0; j < out.length; j++) {
          const b = cols[j]!;
          if (Math.abs(a - b) <= within) out[j]! += place;
          else if (b !== b) out[j]! += missing; // NaN: no value
        }
      },
      at: (row, col) => (Number.isNaN(rows[row]!) ? 0 : at(rows[row]!, cols[col]!)),
    };
  }
  const { rows, cols, rowHas, colHas, words } = e;
  const at = (row: number, col: number) => {
    if (rowHas[row] === 0) return 0;
    if (colHas[col] === 0) return missing;
    for (let w = 0; w < words; w++) if ((rows[row * words + w]! & cols[col * words + w]!) !== 0) return place;
    return 0;
  };
  return {
    row(row, out) {
      if (rowHas[row] === 0) return;
      if (words === 1) {
        const x = rows[row]!;
        for (let j = 0; j < out.length; j++) {
          if ((x & cols[j]!) !== 0) out[j]! += place;
          else if (colHas[j] === 0) out[j]! += missing;
        }
        return;
      }
      for (let j = 0; j < out.length; j++) out[j]! += at(row, j);
    },
    at,
  };
}
