/**
 * Which rows each column currently holds, as intrusive doubly-linked lists on typed arrays:
 * O(1) add and remove, iteration without allocation. A row belongs to at most one column.
 */
export class ColumnMembers {
  readonly head: Int32Array;
  readonly next: Int32Array;
  private readonly prev: Int32Array;
  readonly load: Int32Array;

  constructor(rows: number, cols: number) {
    this.head = new Int32Array(cols).fill(-1);
    this.next = new Int32Array(rows).fill(-1);
    this.prev = new Int32Array(rows).fill(-1);
    this.load = new Int32Array(cols);
  }

  add(col: number, row: number): void {
    const first = this.head[col]!;
    this.next[row] = first;
    this.prev[row] = -1;
    if (first >= 0) this.prev[first] = row;
    this.head[col] = row;
    this.load[col]!++;
  }

  remove(col: number, row: number): void {
    const before = this.prev[row]!;
    const after = this.next[row]!;
    if (before >= 0) this.next[before] = after;
    else this.head[col] = after;
    if (after >= 0) this.prev[after] = before;
    this.load[col]!--;
  }
}
