import type { Selection } from './selectCandidates.js';
import type { TopBounds } from './topBounds.js';

/** A {@link Selection} as a few typed arrays, which a thread can hand over without copying. */
export interface PackedSelection {
  /** The candidates in compressed rows. */
  readonly rowStart: Int32Array;
  readonly colIndex: Int32Array;
  readonly top: TopBounds;
}

/** Packs a selection (see {@link PackedSelection}). */
export function packSelection({ candidates, top }: Selection): PackedSelection {
  const rowStart = new Int32Array(candidates.length + 1);
  candidates.forEach((list, i) => (rowStart[i + 1] = rowStart[i]! + list.length));
  const colIndex = new Int32Array(rowStart[candidates.length]!);
  candidates.forEach((list, i) => colIndex.set(list, rowStart[i]!));
  // Own buffers of exactly these lengths: what is transferred is the whole buffer.
  return { rowStart, colIndex, top: { rowStart: top.rowStart.slice(), colIndex: top.colIndex.slice(), bound: top.bound.slice(), rest: top.rest.slice() } };
}

/** The buffers a packed selection is made of, to transfer rather than copy. */
export function packedBuffers({ rowStart, colIndex, top }: PackedSelection): ArrayBuffer[] {
  return [rowStart, colIndex, top.rowStart, top.colIndex, top.bound, top.rest].map((a) => a.buffer as ArrayBuffer);
}

/** The selection of rows before, then of the rows after: one selection of both. */
export function joinSelections(first: Selection, then: PackedSelection): Selection {
  const rows = then.rowStart.length - 1;
  const later = Array.from({ length: rows }, (_, i) => then.colIndex.subarray(then.rowStart[i]!, then.rowStart[i + 1]!));
  const a = first.top;
  const b = then.top;
  const firstRows = a.rest.length;
  const size = a.colIndex.length;
  const rowStart = new Int32Array(firstRows + rows + 1);
  rowStart.set(a.rowStart);
  for (let i = 1; i <= rows; i++) rowStart[firstRows + i] = size + b.rowStart[i]!;
  const colIndex = new Int32Array(size + b.colIndex.length);
  colIndex.set(a.colIndex);
  colIndex.set(b.colIndex, size);
  const bound = new Float64Array(size + b.bound.length);
  bound.set(a.bound);
  bound.set(b.bound, size);
  const rest = new Float64Array(firstRows + rows);
  rest.set(a.rest);
  rest.set(b.rest, firstRows);
  return { candidates: [...first.candidates, ...later], top: { rowStart, colIndex, bound, rest } };
}
