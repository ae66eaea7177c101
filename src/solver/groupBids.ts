import type { NormalizedProblem } from './normalizedProblem.js';
import { smallestOfRow } from './smallestOfRow.js';

/** Identical rows that bid together at most. */
const GROUP_MOST = 16;

/** Twins a group bid looks through for unplaced ones: a bound on its walk through a large group. */
const LOOKED_AT_MOST = 4 * GROUP_MOST;

/** The auction's state a group bid changes (see auctionPrices). */
export interface AuctionState {
  readonly bidderSlot: Int32Array;
  readonly cheapPrice: Float64Array;
  readonly cheapSlot: Int32Array;
  readonly slotPrice: Float64Array;
  readonly slotHolder: Int32Array;
  readonly rowCost: Float64Array;
}

/** Bids for a row and its unplaced twins at once; returns how many it placed (0: none, bid alone). */
export interface GroupBids {
  bid(row: number, epsilon: number, requeue: (evicted: number) => void): number;
}

/**
 * Group bids of identical rows (Bertsekas' similar persons), for problems whose columns have
 * one place each: a coach's places solved as rows, which list the same coachees at the same
 * weights. A row and its u − 1 unplaced twins scan the row once for its u + 1 best columns and
 * take the first u, each priced up to where a twin is indifferent to the (u + 1)-th, plus ε:
 * every twin then holds a column within ε of its best, as u single bids would leave them, at
 * one scan of the row instead of u (a place lists some 500 coachees at 40,000 × 4,000 with
 * 20,122 places). `first`: each row's first identical row (see twinRows). Null when no two
 * rows are identical or a column has several places (twins could then want two places of one
 * column).
 */
export function groupBids(problem: NormalizedProblem, slotStart: Int32Array, first: Int32Array | null, state: AuctionState, refresh: (col: number) => void): GroupBids | null {
  const { rows, cols, rowStart, colIndex, cost } = problem;
  if (first === null) return null;
  for (let j = 0; j < cols; j++) if (slotStart[j + 1]! - slotStart[j]! > 1) return null;
  // Each group's rows in order: the next twin of each row (−1 after the last).
  const next = new Int32Array(rows).fill(-1);
  const last = new Int32Array(rows).fill(-1);
  for (let i = 0; i < rows; i++) {
    const g = first[i]!;
    if (g !== i) next[last[g]! >= 0 ? last[g]! : g] = i;
    last[g] = i;
  }
  const members = new Int32Array(GROUP_MOST);
  const atPair = new Int32Array(GROUP_MOST + 1);
  const value = new Float64Array(GROUP_MOST + 1);
  const { bidderSlot, cheapPrice, cheapSlot, slotPrice, slotHolder, rowCost } = state;
  return {
    bid(row, epsilon, requeue) {
      // The row, then its unplaced twins after it, then those before it.
      let u = 0;
      members[u++] = row;
      let looked = 0;
      for (let m = next[row]!; m >= 0 && u < GROUP_MOST && looked < LOOKED_AT_MOST; m = next[m]!, looked++) if (bidderSlot[m]! < 0) members[u++] = m;
      for (let m = first[row]!; m !== row && u < GROUP_MOST && looked < LOOKED_AT_MOST; m = next[m]!, looked++) if (bidderSlot[m]! < 0) members[u++] = m;
      if (u < 2) return 0;
      const found = smallestOfRow(rowStart, colIndex, cost, cheapPrice, row, u + 1, atPair, value);
      // Too few columns with a place for the group and one more: each bids alone.
      if (found < u + 1 || !(value[u]! < Infinity)) return 0;
      const bar = value[u]!;
      for (let t = 0; t < u; t++) {
        const k = atPair[t]!;
        const j = colIndex[k]!;
        const s = cheapSlot[j]!;
        slotPrice[s] = slotPrice[s]! + (bar - value[t]!) + epsilon;
        const evicted = slotHolder[s]!;
        if (evicted >= 0) {
          bidderSlot[evicted] = -1;
          requeue(evicted);
        }
        const m = members[t]!;
        slotHolder[s] = m;
        bidderSlot[m] = s;
        rowCost[m] = cost[k]!;
        refresh(j);
      }
      return u;
    },
  };
}
