/**
 * The `want` least values `cost[k] + price[colIndex[k]]` of row i's pairs, ties to the earlier
 * pair, into `atPair` (their pair positions) and `value`, least first; returns how many (fewer
 * when the row has fewer pairs). One pass with a short insertion list: `want` is a few.
 */
export function smallestOfRow(
  rowStart: Int32Array,
  colIndex: Int32Array,
  cost: Float64Array,
  price: Float64Array,
  i: number,
  want: number,
  atPair: Int32Array,
  value: Float64Array,
): number {
  let count = 0;
  for (let k = rowStart[i]!; k < rowStart[i + 1]!; k++) {
    const v = cost[k]! + price[colIndex[k]!]!;
    // Strictly less than the last kept: an equal value comes later, so it ranks after.
    if (count === want && !(v < value[count - 1]!)) continue;
    let q = count < want ? count++ : count - 1;
    while (q > 0 && v < value[q - 1]!) {
      value[q] = value[q - 1]!;
      atPair[q] = atPair[q - 1]!;
      q--;
    }
    value[q] = v;
    atPair[q] = k;
  }
  return count;
}
