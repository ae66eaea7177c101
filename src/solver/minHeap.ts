/**
 * A binary min-heap of (key, node) pairs on typed arrays, with lazy deletion: callers push a
 * node again when its key improves and skip stale pops. Grows on demand.
 */
export class MinHeap {
  private keys: Float64Array;
  private nodes: Int32Array;
  private count = 0;

  constructor(initialCapacity = 1024) {
    this.keys = new Float64Array(Math.max(16, initialCapacity));
    this.nodes = new Int32Array(Math.max(16, initialCapacity));
  }

  get size(): number {
    return this.count;
  }

  clear(): void {
    this.count = 0;
  }

  push(key: number, node: number): void {
    if (this.count === this.keys.length) this.grow();
    const keys = this.keys;
    const nodes = this.nodes;
    let at = this.count++;
    while (at > 0) {
      const parent = (at - 1) >> 1;
      const parentKey = keys[parent]!;
      if (parentKey <= key) break;
      keys[at] = parentKey;
      nodes[at] = nodes[parent]!;
      at = parent;
    }
    keys[at] = key;
    nodes[at] = node;
  }

  /** Key of the minimum; only valid when `size > 0`. */
  peekKey(): number {
    return this.keys[0]!;
  }

  /** Removes the minimum and returns its node; only valid when `size > 0`. */
  pop(): number {
    const keys = this.keys;
    const nodes = this.nodes;
    const top = nodes[0]!;
    const last = --this.count;
    if (last === 0) return top;
    const key = keys[last]!;
    const node = nodes[last]!;
    let at = 0;
    for (;;) {
      let child = 2 * at + 1;
      if (child >= last) break;
      const right = child + 1;
      if (right < last && keys[right]! < keys[child]!) child = right;
      if (keys[child]! >= key) break;
      keys[at] = keys[child]!;
      nodes[at] = nodes[child]!;
      at = child;
    }
    keys[at] = key;
    nodes[at] = node;
    return top;
  }

  private grow(): void {
    const keys = new Float64Array(this.keys.length * 2);
    const nodes = new Int32Array(this.nodes.length * 2);
    keys.set(this.keys);
    nodes.set(this.nodes);
    this.keys = keys;
    this.nodes = nodes;
  }
}
