/** A coachee's candidate columns: ascending, no repeats. */

/** The columns of `list` and `extra` together, ascending, each once. */
export function mergeColumns(list: Int32Array, extra: Iterable<number>): Int32Array {
  return Int32Array.from(new Set([...list, ...extra])).sort();
}

/** Every column 0 … cols − 1. */
export function allColumns(cols: number): Int32Array {
  return Int32Array.from({ length: cols }, (_, j) => j);
}

/** Merges each row's extra columns into its list (mutating `candidates`); returns how many pairs are new. */
export function addColumns(candidates: Int32Array[], additions: ReadonlyMap<number, Iterable<number>>): number {
  let added = 0;
  for (const [i, extra] of additions) {
    const before = candidates[i]!.length;
    candidates[i] = mergeColumns(candidates[i]!, extra);
    added += candidates[i]!.length - before;
  }
  return added;
}
