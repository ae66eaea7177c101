/**
 * How many pool coaches share a value with a given person, without a pass over the pool per
 * person: insiderness needs it per coachee and rarity per coach, and a 100,000 × 10,000
 * cohort cannot afford the pairwise count.
 */

/**
 * Counter for a numeric attribute: the number of pool values `b` with
 * `Math.abs(a - b) <= within` (the same test as the pairwise features, rounding included:
 * `a - b` rounds monotonically in `b`, so binary search finds the exact bounds).
 */
export function numericSharing(pool: Float64Array, within: number): (a: number) => number {
  const sorted = Float64Array.from(pool.filter((v) => !Number.isNaN(v))).sort();
  return (a) => {
    if (Number.isNaN(a)) return 0;
    // First index whose value b has a − b <= within, and first whose a − b < −within.
    const from = firstIndex(sorted, (b) => a - b <= within);
    const to = firstIndex(sorted, (b) => a - b < -within);
    return to - from;
  };
}

/** First index where the (monotone: false … false true … true) predicate holds, or length. */
function firstIndex(sorted: Float64Array, holds: (b: number) => boolean): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (holds(sorted[mid]!)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/**
 * Counter for a set attribute in bitsets of `words` 32-bit words: the number of pool members
 * whose set meets the given one. Distinct sets are few in practice (a vocabulary of ten
 * hobbies has at most 1,024), so the pool is folded to distinct sets with multiplicities and
 * answers are cached per distinct query.
 */
export function setSharing(pool: Uint32Array, words: number, members: number): (bits: Uint32Array, at: number) => number {
  const distinct = new Map<string, { bits: Uint32Array; count: number }>();
  for (let j = 0; j < members; j++) {
    const bits = pool.subarray(j * words, (j + 1) * words);
    const key = bits.join(',');
    const seen = distinct.get(key);
    if (seen) seen.count++;
    else distinct.set(key, { bits: Uint32Array.from(bits), count: 1 });
  }
  const groups = [...distinct.values()];
  const cache = new Map<string, number>();
  return (bits, at) => {
    const query = bits.subarray(at * words, (at + 1) * words);
    const key = query.join(',');
    const known = cache.get(key);
    if (known !== undefined) return known;
    let n = 0;
    for (const g of groups) {
      for (let w = 0; w < words; w++) {
        if ((g.bits[w]! & query[w]!) !== 0) {
          n += g.count;
          break;
        }
      }
    }
    cache.set(key, n);
    return n;
  };
}
