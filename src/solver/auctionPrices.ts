import type { NormalizedProblem } from './normalizedProblem.js';

/**
 * Approximate column prices from a forward auction with ε-scaling (Bertsekas), where each
 * column's places are separate objects with their own price. Rows bid for the cheapest place
 * of their best column; the price rises by the bid increment and the place's holder is
 * evicted. The result is only a warm start: the price a newcomer would pay per column (its
 * cheapest place), which the exact flow solver turns into potentials. Stops after
 * `maxBidsPerRow × rows` bids whatever ε has reached.
 */
export function auctionPrices(problem: NormalizedProblem, maxBidsPerRow: number): Float64Array {
  const { rows, cols, rowStart, colIndex, cost, capacity } = problem;
  const slotStart = new Int32Array(cols + 1);
  for (let j = 0; j < cols; j++) slotStart[j + 1] = slotStart[j]! + capacity[j]!;
  const slots = slotStart[cols]!;
  const slotPrice = new Float64Array(slots);
  const slotHolder = new Int32Array(slots).fill(-1);
  const rowSlot = new Int32Array(rows).fill(-1);
  // Per column, the cheapest place, its price and the runner-up price, kept current so a
  // bid costs its row's degree, not degree × capacity.
  const cheapSlot = new Int32Array(cols).fill(-1);
  const cheapPrice = new Float64Array(cols).fill(Infinity);
  const nextPrice = new Float64Array(cols).fill(Infinity);
  const refresh = (j: number): void => {
    let p1 = Infinity;
    let p2 = Infinity;
    let s1 = -1;
    for (let s = slotStart[j]!; s < slotStart[j + 1]!; s++) {
      const p = slotPrice[s]!;
      if (p < p1) {
        p2 = p1;
        p1 = p;
        s1 = s;
      } else if (p < p2) p2 = p;
    }
    cheapSlot[j] = s1;
    cheapPrice[j] = p1;
    nextPrice[j] = p2;
  };
  for (let j = 0; j < cols; j++) refresh(j);
  let low = Infinity;
  let high = -Infinity;
  for (let k = 0; k < cost.length; k++) {
    if (cost[k]! < low) low = cost[k]!;
    if (cost[k]! > high) high = cost[k]!;
  }
  const range = high > low ? high - low : 1;
  const queue = new Int32Array(rows);
  let budget = maxBidsPerRow * rows;
  for (let epsilon = range / 8; budget > 0; epsilon /= 6) {
    const finalPhase = epsilon < range / (4 * rows);
    // Each phase starts with every row free and the prices of the previous phase.
    slotHolder.fill(-1);
    rowSlot.fill(-1);
    let head = 0;
    let tail = 0;
    for (let i = 0; i < rows; i++) if (rowStart[i + 1]! > rowStart[i]!) queue[tail++ % rows] = i;
    let pending = tail;
    while (pending > 0 && budget-- > 0) {
      const i = queue[head++ % rows]!;
      pending--;
      let best = Infinity;
      let second = Infinity;
      let bestSlot = -1;
      let bestCol = -1;
      for (let k = rowStart[i]!; k < rowStart[i + 1]!; k++) {
        const j = colIndex[k]!;
        const s1 = cheapSlot[j]!;
        if (s1 < 0) continue;
        const v1 = cost[k]! + cheapPrice[j]!;
        const v2 = cost[k]! + nextPrice[j]!;
        if (v1 < best) {
          second = Math.min(best, v2);
          best = v1;
          bestSlot = s1;
          bestCol = j;
        } else {
          second = Math.min(second, v1);
        }
      }
      if (bestSlot < 0) continue;
      const increment = (second === Infinity ? 0 : second - best) + epsilon;
      slotPrice[bestSlot] = slotPrice[bestSlot]! + increment;
      const evicted = slotHolder[bestSlot]!;
      if (evicted >= 0) {
        rowSlot[evicted] = -1;
        queue[tail++ % rows] = evicted;
        pending++;
      }
      slotHolder[bestSlot] = i;
      rowSlot[i] = bestSlot;
      refresh(bestCol);
    }
    if (finalPhase) break;
  }
  const prices = new Float64Array(cols);
  for (let j = 0; j < cols; j++) {
    let min = 0;
    if (slotStart[j + 1]! > slotStart[j]!) {
      min = Infinity;
      for (let s = slotStart[j]!; s < slotStart[j + 1]!; s++) min = Math.min(min, slotPrice[s]!);
    }
    prices[j] = min;
  }
  return prices;
}
