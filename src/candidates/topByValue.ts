/**
 * Buffers {@link topByValue} may work in instead of allocating its own: its answer is then a
 * view of `index`, valid until the next call with the same buffers.
 */
export class TopScratch {
  readonly value: Float64Array;
  readonly index: Int32Array;
  constructor(capacity: number) {
    this.value = new Float64Array(capacity);
    this.index = new Int32Array(capacity);
  }
}

/**
 * Indices of the `k` largest values, ties to the lower index (in no particular order): a
 * bounded min-heap whose root is the entry to evict (the smallest value, and of equal values
 * the higher index). Once it is full a value costs one comparison with the root, so the
 * heap is written out inline: it runs over every column of every row.
 */
export function topByValue(values: Float64Array, k: number, scratch?: TopScratch): Int32Array {
  // Typed arrays cost about a microsecond to allocate: a scan calls this several times a row.
  const reuse = scratch !== undefined && scratch.index.length >= k;
  const heapValue = reuse ? scratch.value : new Float64Array(k);
  const heapIndex = reuse ? scratch.index : new Int32Array(k);
  const n = values.length;
  let size = 0;
  let j = 0;
  for (; j < n && size < k; j++) {
    const v = values[j]!;
    // Sift up past every parent that is a better entry than (v, j).
    let at = size++;
    while (at > 0) {
      const parent = (at - 1) >> 1;
      const p = heapValue[parent]!;
      if (!(v < p || (v === p && j > heapIndex[parent]!))) break;
      heapValue[at] = p;
      heapIndex[at] = heapIndex[parent]!;
      at = parent;
    }
    heapValue[at] = v;
    heapIndex[at] = j;
  }
  if (size === 0) return heapIndex.subarray(0, 0);
  let root = heapValue[0]!;
  for (; j < n; j++) {
    const v = values[j]!;
    // Indices come in ascending order, so an equal value never displaces a lower index.
    if (!(v > root)) continue;
    // Sift (v, j) down from the root past every child that is a worse entry.
    let at = 0;
    for (;;) {
      const left = 2 * at + 1;
      if (left >= size) break;
      const right = left + 1;
      let child = left;
      if (right < size && (heapValue[right]! < heapValue[left]! || (heapValue[right] === heapValue[left] && heapIndex[right]! > heapIndex[left]!))) child = right;
      const c = heapValue[child]!;
      if (!(c < v || (c === v && heapIndex[child]! > j))) break;
      heapValue[at] = c;
      heapIndex[at] = heapIndex[child]!;
      at = child;
    }
    heapValue[at] = v;
    heapIndex[at] = j;
    root = heapValue[0]!;
  }
  return heapIndex.subarray(0, size);
}
