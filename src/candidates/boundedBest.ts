/**
 * The `size` best (value, row) offers, higher value first and of equal values the lower row
 * (`row` may be any key that orders ties, offered in any order).
 */
export class BoundedBest {
  private readonly value: Float64Array;
  private readonly row: Int32Array;
  private count = 0;

  constructor(readonly size: number) {
    this.value = new Float64Array(size);
    this.row = new Int32Array(size);
  }

  offer(v: number, r: number): void {
    const { value, row } = this;
    if (this.count < this.size) {
      // Sift up past every parent that is a better entry (the root is the worst kept).
      let at = this.count++;
      while (at > 0) {
        const parent = (at - 1) >> 1;
        if (value[parent]! < v || (value[parent] === v && row[parent]! > r)) break;
        value[at] = value[parent]!;
        row[at] = row[parent]!;
        at = parent;
      }
      value[at] = v;
      row[at] = r;
      return;
    }
    if (this.size === 0 || !(v > value[0]! || (v === value[0] && r < row[0]!))) return;
    // Sift (v, r) down from the root past every child that is a worse entry.
    let at = 0;
    for (;;) {
      const left = 2 * at + 1;
      if (left >= this.count) break;
      const right = left + 1;
      let child = left;
      if (right < this.count && (value[right]! < value[left]! || (value[right] === value[left] && row[right]! > row[left]!))) child = right;
      if (!(value[child]! < v || (value[child] === v && row[child]! > r))) break;
      value[at] = value[child]!;
      row[at] = row[child]!;
      at = child;
    }
    value[at] = v;
    row[at] = r;
  }

  /**
   * What an offer must reach to be kept: −∞ until `size` offers are kept, then the worst of
   * them (an offer of just that value is kept only when its row is lower).
   */
  get bar(): number {
    return this.count < this.size || this.size === 0 ? -Infinity : this.value[0]!;
  }

  /** The rows kept (in no particular order): a view, valid until the next offer. */
  rows(): Int32Array {
    return this.row.subarray(0, this.count);
  }

  /** The values kept, in the order of {@link rows}: a view, valid until the next offer. */
  values(): Float64Array {
    return this.value.subarray(0, this.count);
  }

  /** Forgets every offer, for the next set. */
  clear(): void {
    this.count = 0;
  }
}
