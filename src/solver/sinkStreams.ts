/**
 * Per source, its allowed pairs in order of `−weight − π(sink)` (the part of a pair's reduced
 * cost that varies within the source's row), as a heap per source over that source's stretch
 * of the pairs. Sink potentials only ever fall (see solveTransportation), so a key stored
 * earlier is a lower bound of the key now: the top is brought up to date when read
 * ({@link SinkStreams.top}), and a search reads a source's sinks in order without reading its
 * whole row. Pairs taken off during a search are put back after it ({@link SinkStreams.restore});
 * pairs dropped stay off until put back one by one ({@link SinkStreams.put}).
 */
export class SinkStreams {
  /** Per source, its heap of pair indices, in `heap[rowStart[s] .. rowStart[s] + size[s]]`. */
  private readonly heap: Int32Array;
  private readonly size: Int32Array;
  private readonly key: Float64Array;
  private readonly taken: number[] = [];
  /** Reads of a pair (kept up to date, taken, put back): what a search costs. */
  reads = 0;

  constructor(
    private readonly rowStart: Int32Array,
    private readonly colIndex: Int32Array,
    private readonly weight: Float64Array,
    private readonly sinkPot: Float64Array,
    usable: (pair: number) => boolean,
  ) {
    const sources = rowStart.length - 1;
    this.heap = new Int32Array(colIndex.length);
    this.size = new Int32Array(sources);
    this.key = new Float64Array(colIndex.length);
    for (let s = 0; s < sources; s++) {
      let n = 0;
      for (let p = rowStart[s]!; p < rowStart[s + 1]!; p++) {
        if (!usable(p)) continue;
        this.key[p] = this.freshKey(p);
        this.heap[rowStart[s]! + n++] = p;
      }
      this.size[s] = n;
      for (let at = (n >> 1) - 1; at >= 0; at--) this.siftDown(s, at);
    }
  }

  /** Source s's pair of least key, its key brought up to date; −1 when none is left. */
  top(s: number): number {
    const base = this.rowStart[s]!;
    while (this.size[s]! > 0) {
      const p = this.heap[base]!;
      this.reads++;
      const now = this.freshKey(p);
      if (now === this.key[p]) return p;
      this.key[p] = now;
      this.siftDown(s, 0);
    }
    return -1;
  }

  /** The key of a pair as of its last update: −weight − π(sink). */
  keyOf(p: number): number {
    return this.key[p]!;
  }

  /** Takes source s's top (as {@link top} returned it) off, until {@link restore}. */
  take(s: number): void {
    this.taken.push(this.heap[this.rowStart[s]!]!);
    this.drop(s);
  }

  /** Takes source s's top (as {@link top} returned it) off for good, until {@link put} back. */
  drop(s: number): void {
    const base = this.rowStart[s]!;
    const last = --this.size[s]!;
    if (last > 0) {
      this.heap[base] = this.heap[base + last]!;
      this.siftDown(s, 0);
    }
  }

  /** Puts back every pair taken since the last call, under the potentials now. */
  restore(sourceOf: Int32Array): void {
    for (const p of this.taken) this.put(sourceOf[p]!, p);
    this.taken.length = 0;
  }

  /** Puts pair p back into source s's heap, under the potentials now. */
  put(s: number, p: number): void {
    this.key[p] = this.freshKey(p);
    this.reads++;
    const base = this.rowStart[s]!;
    let at = this.size[s]!++;
    while (at > 0) {
      const parent = (at - 1) >> 1;
      const q = this.heap[base + parent]!;
      if (this.key[q]! <= this.key[p]!) break;
      this.heap[base + at] = q;
      at = parent;
    }
    this.heap[base + at] = p;
  }

  private freshKey(p: number): number {
    return -this.weight[p]! - this.sinkPot[this.colIndex[p]!]!;
  }

  private siftDown(s: number, from: number): void {
    const { heap, key } = this;
    const base = this.rowStart[s]!;
    const n = this.size[s]!;
    const p = heap[base + from]!;
    const k = key[p]!;
    let at = from;
    for (;;) {
      let child = 2 * at + 1;
      if (child >= n) break;
      if (child + 1 < n && key[heap[base + child + 1]!]! < key[heap[base + child]!]!) child++;
      if (key[heap[base + child]!]! >= k) break;
      heap[base + at] = heap[base + child]!;
      at = child;
    }
    heap[base + at] = p;
  }
}
