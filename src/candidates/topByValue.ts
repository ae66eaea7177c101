/**
 * Indices of the `k` largest values, ties to the lower index (in no particular order): a
 * bounded min-heap, one comparison per value once it is full.
 */
export function topByValue(values: Float64Array, k: number): Int32Array {
  const heapValue = new Float64Array(k);
  const heapIndex = new Int32Array(k);
  let size = 0;
  // The root is the entry to evict: the smallest value, and of equal values the higher index.
  const worse = (a: number, b: number) => heapValue[a]! < heapValue[b]! || (heapValue[a] === heapValue[b] && heapIndex[a]! > heapIndex[b]!);
  const swap = (a: number, b: number) => {
    const v = heapValue[a]!;
    heapValue[a] = heapValue[b]!;
    heapValue[b] = v;
    const c = heapIndex[a]!;
    heapIndex[a] = heapIndex[b]!;
    heapIndex[b] = c;
  };
  for (let j = 0; j < values.length; j++) {
    const v = values[j]!;
    if (size < k) {
      heapValue[size] = v;
      heapIndex[size] = j;
      for (let at = size++; at > 0; ) {
        const parent = (at - 1) >> 1;
        if (!worse(at, parent)) break;
        swap(at, parent);
        at = parent;
      }
    } else if (k > 0 && v > heapValue[0]!) {
      // Indices come in ascending order, so an equal value never displaces a lower index.
      heapValue[0] = v;
      heapIndex[0] = j;
      for (let at = 0; ; ) {
        const l = 2 * at + 1;
        const r = l + 1;
        let least = at;
        if (l < size && worse(l, least)) least = l;
        if (r < size && worse(r, least)) least = r;
        if (least === at) break;
        swap(at, least);
        at = least;
      }
    }
  }
  return heapIndex.subarray(0, size);
}
