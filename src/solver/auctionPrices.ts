import type { NormalizedProblem } from './normalizedProblem.js';

/** ε-scaling: the first ε is range / firstDivisor, each phase divides it, the last is below range / (finalFactor · rows). */
export interface EpsilonSchedule {
  readonly firstDivisor: number;
  readonly divisor: number;
  readonly finalFactor: number;
}

/** For problems that fill every place (measured on bench/RESULTS.md's tight cases). */
export const tightSchedule: EpsilonSchedule = { firstDivisor: 8, divisor: 6, finalFactor: 4 };

/**
 * For problems with places to spare, whose end state is kept (measured on the 100,000 ×
 * 10,000 candidate problem of bench/LARGE.md): a finer start and a coarser end, since the
 * flow solver settles the last rows and places more cheaply than ever smaller bids would.
 */
export const spareSchedule: EpsilonSchedule = { firstDivisor: 500, divisor: 6, finalFactor: 0.25 };

/**
 * Approximate column prices from a forward auction with ε-scaling (Bertsekas), where each
 * column's places are separate objects with their own price. Rows bid for the cheapest place
 * of their best column; the price rises by the bid increment and the place's holder is
 * evicted. The result is only a warm start: the price a newcomer would pay per column (its
 * cheapest place), which the exact flow solver turns into potentials. Stops after
 * `maxBidsPerRow × rows` bids whatever ε has reached. Also returns where each row ended.
 */
export function auctionPrices(problem: NormalizedProblem, maxBidsPerRow: number, schedule: EpsilonSchedule = tightSchedule): { prices: Float64Array; rowCol: Int32Array } {
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
  for (let epsilon = range / schedule.firstDivisor; budget > 0; epsilon /= schedule.divisor) {
    const finalPhase = epsilon < range / (schedule.finalFactor * rows);
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
  // Where each row ended (−1 when the bid budget ran out first): a start the flow solver can check.
  const rowCol = new Int32Array(rows).fill(-1);
  for (let j = 0; j < cols; j++) {
    for (let s = slotStart[j]!; s < slotStart[j + 1]!; s++) if (slotHolder[s]! >= 0) rowCol[slotHolder[s]!] = j;
  }
  return { prices, rowCol };
}
