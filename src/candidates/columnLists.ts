/** A coachee's candidate columns: ascending, no repeats. */

/** The columns of `list` and `extra` together, ascending, each once. */
export function mergeColumns(list: Int32Array, extra: Iterable<number>): Int32Array {
  return Int32Array.from(new Set([...list, ...extra])).sort();
}

/** Every column 0 … cols − 1. */
export function allColumns(cols: number): Int32Array {
  return Int32Array.from({ length: cols }, (_, j) => j);
}
