/** The smallest set {@link LowDualColumns} hands out. */
const SMALLEST_SET = 16;

/** A set of the columns of lowest dual, ascending, and the least dual of an open column outside it (+∞ when none is). */
export interface LowSet {
  readonly columns: Int32Array;
  readonly cut: number;
  /** The highest dual of a column in the set. */
  readonly highest: number;
}

/**
 * The open columns of lowest dual, in nested sets of doubling size up to `most` columns, and
 * the set of those below 0 (ties to the lower column), each ascending by column. A certificate
 * clears every column outside a row's list whose dual reaches the row's need (its list's rest
 * bound less its row dual): when a few columns sit far below the others (coaches held at their
 * minimum load take duals below 0), the least dual falls short for nearly every row, and each
 * would be scanned in full; but the dual just above a small set may reach the need, and the
 * set's columns are then checked one by one. The sets depend on the duals alone, so a row's
 * check is the same whichever thread makes it.
 */
export class LowDualColumns {
  private readonly sets: LowSet[] = [];

  constructor(colDual: Float64Array, open: Uint8Array, most: number) {
    const order = Int32Array.from(open.keys()).filter((j) => open[j] === 1);
    order.sort((a, b) => colDual[a]! - colDual[b]! || a - b);
    const largest = Math.min(most, order.length);
    const sizes = new Set<number>();
    for (let size = Math.min(SMALLEST_SET, largest); size > 0; size = size === largest ? 0 : Math.min(2 * size, largest)) sizes.add(size);
    // Also the columns below 0 exactly, for partial pricing (see cover).
    const belowZero = order.findIndex((j) => !(colDual[j]! < 0));
    if (belowZero > 0 && belowZero <= largest) sizes.add(belowZero);
    for (const size of [...sizes].sort((a, b) => a - b)) {
      this.sets.push({ columns: order.slice(0, size).sort(), cut: size < order.length ? colDual[order[size]!]! : Infinity, highest: colDual[order[size - 1]!]! });
    }
  }

  /**
   * The smallest set whose cut covers the rest of a row: `rowDual + cut − restBound ≥ 0`, the
   * same sum a certificate tests with the least dual; null when no set's does. `belowZero`:
   * only of sets whose every dual is below 0, columns held at their minimum load.
   */
  cover(rowDual: number, restBound: number, belowZero = false): LowSet | null {
    for (const set of this.sets) {
      if (belowZero && !(set.highest < 0)) return null;
      if (rowDual + set.cut - restBound >= 0) return set;
    }
    return null;
  }
}

/** The union of two ascending lists of columns, ascending and without repeats, in `into` (returned as its filled part). */
export function unionAscending(first: Int32Array, second: Int32Array, into: Int32Array): Int32Array {
  let n = 0;
  let a = 0;
  let b = 0;
  while (a < first.length || b < second.length) {
    const x = a < first.length ? first[a]! : Infinity;
    const y = b < second.length ? second[b]! : Infinity;
    const next = x <= y ? x : y;
    if (x === next) a++;
    if (y === next) b++;
    into[n++] = next;
  }
  return into.subarray(0, n);
}
