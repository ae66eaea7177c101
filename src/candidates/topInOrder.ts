/**
 * The positions of the `want` largest of `values[0..n)`, ties to the lower position, written
 * ascending into `out`; returns how many (`min(want, n)`). `work` (at least n long) is
 * scratch. Where {@link topByValue} keeps a heap, this finds the want-th largest value by
 * quickselect and then takes positions in order: on a few hundred values a row, that is
 * about half the work, and the answer needs no sort afterwards.
 */
export function topInOrder(values: Float64Array, n: number, want: number, work: Float64Array, out: Int32Array): number {
  if (want <= 0 || n <= 0) return 0;
  if (want >= n) {
    for (let q = 0; q < n; q++) out[q] = q;
    return n;
  }
  for (let q = 0; q < n; q++) work[q] = values[q]!;
  const bar = kthLargest(work, n, want);
  let equalWanted = want;
  for (let q = 0; q < n; q++) if (values[q]! > bar) equalWanted--;
  let count = 0;
  for (let q = 0; q < n; q++) {
    const v = values[q]!;
    if (v > bar || (v === bar && equalWanted-- > 0)) out[count++] = q;
  }
  return count;
}

/** The k-th largest of a[0..n) (1 ≤ k ≤ n), reordering a: Hoare's quickselect, median-of-three pivots. */
export function kthLargest(a: Float64Array, n: number, k: number): number {
  const target = k - 1;
  let lo = 0;
  let hi = n - 1;
  while (hi > lo) {
    const x = a[lo]!;
    const y = a[(lo + hi) >> 1]!;
    const z = a[hi]!;
    const pivot = x > y ? (y > z ? y : x > z ? z : x) : x > z ? x : y > z ? z : y;
    let i = lo;
    let j = hi;
    // Descending: [lo, j] holds values ≥ pivot, [i, hi] values ≤ pivot; equal values split
    // both ways, so many ties do not make it quadratic.
    while (i <= j) {
      while (a[i]! > pivot) i++;
      while (a[j]! < pivot) j--;
      if (i <= j) {
        const t = a[i]!;
        a[i] = a[j]!;
        a[j] = t;
        i++;
        j--;
      }
    }
    if (target <= j) hi = j;
    else if (target >= i) lo = i;
    else return pivot;
  }
  return a[target]!;
}
