import { freshPairs, type PairRoom } from '../memory/roundBuffers.js';
import type { CertificateVerdict } from './certifier.js';

/** Per-row column lists as compressed rows: a few typed arrays a thread can hand over without copying. */
export interface PackedCandidates {
  readonly rowStart: Int32Array;
  readonly colIndex: Int32Array;
}

/**
 * Packs per-row column lists (see {@link PackedCandidates}), the columns in `room` (every
 * entry is written over; a new array by default).
 */
export function packCandidates(candidates: readonly Int32Array[], room: PairRoom['columns'] = freshPairs.columns): PackedCandidates {
  const rowStart = new Int32Array(candidates.length + 1);
  candidates.forEach((list, i) => (rowStart[i + 1] = rowStart[i]! + list.length));
  const colIndex = room(rowStart[candidates.length]!);
  candidates.forEach((list, i) => colIndex.set(list, rowStart[i]!));
  return { rowStart, colIndex };
}

/** A helper's selection of its rows: the chosen columns, their exact weights alongside, and each row's evaluated count (see `Selection`). */
export interface PackedSelection extends PackedCandidates {
  readonly weights: Float64Array;
  readonly evaluated: Int32Array;
}

/** Packs what a selection chose and weighed (see {@link PackedSelection}). */
export function packSelection(candidates: readonly Int32Array[], weights: readonly Float64Array[], evaluated: Int32Array): PackedSelection {
  const packed = packCandidates(candidates);
  const flat = new Float64Array(packed.colIndex.length);
  weights.forEach((row, i) => flat.set(row, packed.rowStart[i]!));
  return { ...packed, weights: flat, evaluated };
}

/** The per-row lists of a {@link PackedCandidates}, as views. */
export function unpackCandidates({ rowStart, colIndex }: PackedCandidates): Int32Array[] {
  return Array.from({ length: rowStart.length - 1 }, (_, i) => colIndex.subarray(rowStart[i]!, rowStart[i + 1]!));
}

/** A {@link CertificateVerdict} with its violators as typed arrays. */
export interface PackedVerdict extends Omit<CertificateVerdict, 'violators'> {
  /** The rows with violators, and theirs in compressed rows. */
  readonly rows: Int32Array;
  readonly rowStart: Int32Array;
  readonly cols: Int32Array;
}

/** Packs a verdict (see {@link PackedVerdict}). */
export function packVerdict({ violators, ...counts }: CertificateVerdict): PackedVerdict {
  const rows = Int32Array.from(violators.keys());
  const { rowStart, colIndex } = packCandidates(Array.from(violators.values(), (cols) => Int32Array.from(cols)));
  return { ...counts, rows, rowStart, cols: colIndex };
}

/** The verdict a {@link PackedVerdict} packs. */
export function unpackVerdict({ rows, rowStart, cols, ...counts }: PackedVerdict): CertificateVerdict {
  const violators = new Map<number, number[]>();
  rows.forEach((row, q) => violators.set(row, Array.from(cols.subarray(rowStart[q]!, rowStart[q + 1]!))));
  return { ...counts, violators };
}
