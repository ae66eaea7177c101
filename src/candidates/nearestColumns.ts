/**
 * The few columns of one row with the least slack (`row dual + column dual − bound`), in a
 * bounded max-heap, and the least slack of every other column offered. A certificate keeps
 * them per row: under the next duals, only those few need a new look when the rest's slack
 * covers how far the duals moved.
 */
export class NearestColumns {
  private readonly col: Int32Array;
  private readonly slack: Float64Array;
  private size = 0;
  /** Offers at or above this cannot enter (the largest kept slack once full). */
  limit = Infinity;
  /** The least slack of the columns offered and not kept. */
  leastOut = Infinity;

  constructor(private readonly capacity: number) {
    this.col = new Int32Array(capacity);
    this.slack = new Float64Array(capacity);
    if (capacity === 0) this.limit = -Infinity;
  }

  reset(): void {
    this.size = 0;
    this.limit = this.capacity === 0 ? -Infinity : Infinity;
    this.leastOut = Infinity;
  }

  /** Offers column `j` with slack `s`; callers may skip offers at or above {@link limit}, counting them out themselves. */
  offer(j: number, s: number): void {
    if (!(s < this.limit)) {
      if (s < this.leastOut) this.leastOut = s;
      return;
    }
    const { col, slack } = this;
    let at: number;
    if (this.size < this.capacity) {
      at = this.size++;
      // Sift up: parents hold larger slacks.
      while (at > 0) {
        const parent = (at - 1) >> 1;
        if (slack[parent]! >= s) break;
        slack[at] = slack[parent]!;
        col[at] = col[parent]!;
        at = parent;
      }
    } else {
      // Evict the largest kept slack.
      if (slack[0]! < this.leastOut) this.leastOut = slack[0]!;
      at = 0;
      for (;;) {
        const left = 2 * at + 1;
        if (left >= this.size) break;
        const right = left + 1;
        const child = right < this.size && slack[right]! > slack[left]! ? right : left;
        if (slack[child]! <= s) break;
        slack[at] = slack[child]!;
        col[at] = col[child]!;
        at = child;
      }
    }
    slack[at] = s;
    col[at] = j;
    if (this.size === this.capacity) this.limit = slack[0]!;
  }

  /** Writes the kept columns, ascending, and their slacks from `at` on; returns how many. */
  writeKept(cols: Int32Array, slacks: Float64Array, at: number): number {
    const { col, slack, size } = this;
    // At most a few dozen entries: insertion sort by column, in place.
    for (let q = 1; q < size; q++) {
      const c = col[q]!;
      const s = slack[q]!;
      let p = q - 1;
      for (; p >= 0 && col[p]! > c; p--) {
        col[p + 1] = col[p]!;
        slack[p + 1] = slack[p]!;
      }
      col[p + 1] = c;
      slack[p + 1] = s;
    }
    cols.set(col.subarray(0, size), at);
    slacks.set(slack.subarray(0, size), at);
    // The heap order is gone: nothing may be offered until the next reset.
    this.limit = -Infinity;
    return size;
  }
}
