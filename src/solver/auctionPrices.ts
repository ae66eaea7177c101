import { findPair } from './buildResult.js';
import type { NormalizedProblem } from './normalizedProblem.js';
import type { InternalStart } from './warmStart.js';
import { BidCache, type BidPairs } from './bidCache.js';
import { groupBids } from './groupBids.js';
import { twinRows } from './twinRows.js';

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
 * 10,000 candidate problem of bench/LARGE.md): a coarser end than {@link tightSchedule},
 * since the flow solver settles the last rows more cheaply than ever smaller bids would.
 */
export const spareSchedule: EpsilonSchedule = { firstDivisor: 16, divisor: 4, finalFactor: 0.05 };

/**
 * Phases an auction from a previous solution runs (see {@link auctionPrices}). Started in the
 * last phase, the exact prices of the last round left every near-tie to a price war of tiny
 * bids: on the second round of the 100,000 × 10,000 candidate problem (9,959 pairs added)
 * 2.1 million bids, and the auction ended by its runaway rule; with the last 2, 3 or 4 phases
 * the solve took 2.2, 2.1 and 2.6 s (3.0–3.4 s cold).
 */
const WARM_PHASES = 3;

/** Bids per bidder a phase may spend on top of one per bidder before it counts as a runaway (measured: phases that pay off spend under 60). */
const runawayBidsPerBidder = 100;

/**
 * Approximate column prices from a forward auction with ε-scaling (Bertsekas), where each
 * column's places are separate objects with their own price. A bidder takes the cheapest
 * place of its best column and raises it to where the bidder would be indifferent to its
 * best *other* column, plus ε: so a column's cheapest place is priced at what its most
 * marginal holder would still pay, and a contested column rises by its holders'
 * willingness, not ε per place per bid (measured on the 100,000 × 10,000 candidate
 * problem: a third of the bids). A column's price is its cheapest place's.
 *
 * Places beyond the rows go to stand-ins, bidders to whom every place is worth the same;
 * they hold the cheapest places not held by other stand-ins (between identical bidders an
 * exchange changes nothing), so the columns that do not fill end priced alike at the
 * lowest price, as the asymmetric problem's optimum needs. Without them a price raised in
 * an early phase stays on a column that no longer fills, and the flow solver has to lower
 * it place by place (see VacancySearch).
 *
 * The result is only a start: prices relative to the lowest, for the exact flow solver to
 * turn into potentials, and where each row ended (−1 when the bid budget of
 * `maxBidsPerRow × rows` ran out first).
 *
 * `from`, a solution of a problem that differs by some pairs (the last candidate round's),
 * starts the auction at its prices (minus its column potentials) and assignment, in the
 * schedule's last {@link WARM_PHASES} phases only: at first only the rows whose pair is no
 * longer within ε of their best bid, with the stand-ins.
 *
 * Identical rows (`twins`, each row's first identical row as twinRows gives it, found here
 * when not given) bid together where every column has one place (see groupBids).
 * Long rows bid from a cache of their best pairs (see BidCache; `newBidCache` makes it, and
 * the auction is the same with any cache).
 */
export function auctionPrices(
  problem: NormalizedProblem,
  maxBidsPerRow: number,
  schedule: EpsilonSchedule = tightSchedule,
  from?: InternalStart,
  twins: Int32Array | null = twinRows(problem),
  newBidCache: (pairs: BidPairs, twins: Int32Array | null) => BidCache = (pairs, twins) => new BidCache(pairs, twins),
): { prices: Float64Array; rowCol: Int32Array } {
  const { rows, cols, rowStart, colIndex, cost, capacity } = problem;
  // A column's places beyond the rows that can bid for it are never contested: it gets one
  // place per such row and one more (which keeps it priced as a column with a place to
  // spare), at most. Places are objects here, and a coach with 1,000,000 places (one bid
  // refreshes every place of its column) had made a 10,000-row auction hang.
  const degree = new Int32Array(cols);
  for (let k = 0; k < colIndex.length; k++) degree[colIndex[k]!]!++;
  const slotStart = new Int32Array(cols + 1);
  for (let j = 0; j < cols; j++) slotStart[j + 1] = slotStart[j]! + Math.min(capacity[j]!, degree[j]! + 1);
  const slots = slotStart[cols]!;
  const slotCol = new Int32Array(slots);
  for (let j = 0; j < cols; j++) slotCol.fill(j, slotStart[j]!, slotStart[j + 1]!);
  let bidding = 0;
  for (let i = 0; i < rows; i++) if (rowStart[i + 1]! > rowStart[i]!) bidding++;
  const standIns = Math.max(0, slots - bidding);
  const bidders = rows + standIns;
  const slotPrice = new Float64Array(slots);
  const slotHolder = new Int32Array(slots).fill(-1);
  const bidderSlot = new Int32Array(bidders).fill(-1);
  // Per column, the cheapest place (for rows) and the cheapest one not held by a stand-in
  // (for stand-ins), kept current so a bid costs its row's degree, not degree × capacity.
  const cheapSlot = new Int32Array(cols).fill(-1);
  const cheapPrice = new Float64Array(cols).fill(Infinity);
  const openSlot = new Int32Array(cols).fill(-1);
  // A tournament tree over the columns' cheapest places not held by stand-ins: a stand-in's best and second best.
  let leaves = 1;
  while (leaves < cols) leaves *= 2;
  const tree = new Float64Array(2 * leaves).fill(Infinity);
  const refresh = (j: number): void => {
    let p1 = Infinity;
    let s1 = -1;
    let q1 = Infinity;
    let t1 = -1;
    for (let s = slotStart[j]!; s < slotStart[j + 1]!; s++) {
      const p = slotPrice[s]!;
      if (p < p1) {
        p1 = p;
        s1 = s;
      }
      if (p < q1 && slotHolder[s]! < rows) {
        q1 = p;
        t1 = s;
      }
    }
    cheapSlot[j] = s1;
    cheapPrice[j] = p1;
    openSlot[j] = t1;
    if (standIns === 0) return;
    let at = leaves + j;
    tree[at] = q1;
    for (at >>= 1; at >= 1; at >>= 1) tree[at] = Math.min(tree[2 * at]!, tree[2 * at + 1]!);
  };
  const rowCost = new Float64Array(rows);
  // Prices never fall while bids go on: a phase undone (below) ends the auction, and forgets
  // the cache all the same, should bidding ever go on after it.
  const bids = newBidCache(problem, twins);
  const group = groupBids(problem, slotStart, twins, { bidderSlot, cheapPrice, cheapSlot, slotPrice, slotHolder, rowCost }, refresh);
  if (from !== undefined) startFrom(problem, from, slotStart, { slotPrice, slotHolder, bidderSlot, rowCost });
  for (let j = 0; j < cols; j++) refresh(j);
  let low = Infinity;
  let high = -Infinity;
  for (let k = 0; k < cost.length; k++) {
    if (cost[k]! < low) low = cost[k]!;
    if (cost[k]! > high) high = cost[k]!;
  }
  const range = high > low ? high - low : 1;
  const queue = new Int32Array(bidders);
  // Whether a bidder is in the queue: one taken by a twin's group bid stays there until it comes up.
  const inQueue = new Uint8Array(bidders);
  let budget = maxBidsPerRow * rows;
  // The end of the last finished phase, to go back to when a phase runs away (below).
  const saved = { slotPrice: new Float64Array(slots), slotHolder: new Int32Array(slots), bidderSlot: new Int32Array(bidders), rowCost: new Float64Array(rows) };
  let savedAny = false;
  const lastEpsilon = finalEpsilon(range, rows, schedule);
  const firstEpsilon = from === undefined ? range / schedule.firstDivisor : Math.min(range / schedule.firstDivisor, lastEpsilon * schedule.divisor ** (WARM_PHASES - 1));
  for (let epsilon = firstEpsilon; budget > 0; epsilon /= schedule.divisor) {
    // Also final when the next ε would be 0: with weights as small as 1e-323 the end ε can
    // underflow to 0, and a phase without bids spends no budget, so the phases never ended.
    const finalPhase = epsilon <= lastEpsilon || epsilon / schedule.divisor === 0;
    // Each phase starts with the prices of the previous one; a bidder keeps its place while
    // that is within the new ε of its best (prices only rise, so it stays so).
    let head = 0;
    let tail = 0;
    inQueue.fill(0);
    const floor = tree[1]!;
    for (let i = 0; i < bidders; i++) {
      if (i < rows && rowStart[i + 1] === rowStart[i]) continue;
      const s = bidderSlot[i]!;
      if (s >= 0) {
        let best = floor;
        let held = slotPrice[s]!;
        if (i < rows) {
          bids.bid(i, cheapPrice);
          best = bids.best;
          held = rowCost[i]! + cheapPrice[slotCol[s]!]!;
        }
        if (held <= best + epsilon) continue;
        slotHolder[s] = -1;
        bidderSlot[i] = -1;
        refresh(slotCol[s]!);
      }
      queue[tail++] = i;
      inQueue[i] = 1;
    }
    let pending = tail;
    const requeue = (evicted: number): void => {
      if (inQueue[evicted] === 1) return;
      queue[tail++ % bidders] = evicted;
      inQueue[evicted] = 1;
      pending++;
    };
    // A phase that costs far more bids than it has bidders to settle is a price war over
    // near-ties (seen at small ε: 2,000 bids per freed bidder): its finer prices are not
    // worth that, so the previous phase's end is the result.
    let phaseBids = bidders + runawayBidsPerBidder * tail;
    while (pending > 0 && budget-- > 0 && phaseBids-- > 0) {
      const i = queue[head++ % bidders]!;
      pending--;
      inQueue[i] = 0;
      // Placed by a twin's group bid while it waited.
      if (bidderSlot[i]! >= 0) continue;
      if (group !== null && i < rows) {
        const placed = group.bid(i, epsilon, requeue);
        if (placed > 0) {
          budget -= placed - 1;
          phaseBids -= placed - 1;
          continue;
        }
      }
      let best = Infinity;
      let second = Infinity;
      let bestSlot = -1;
      let bestCol = -1;
      let bestCost = 0;
      if (i >= rows) {
        let at = 1;
        while (at < leaves) at = tree[2 * at] === tree[at] ? 2 * at : 2 * at + 1;
        bestCol = at - leaves;
        bestSlot = openSlot[bestCol]!;
        best = tree[1]!;
        for (; at > 1; at >>= 1) second = Math.min(second, tree[at ^ 1]!);
      } else {
        bids.bid(i, cheapPrice);
        best = bids.best;
        second = bids.second;
        if (bids.bestPair >= 0) {
          bestCol = colIndex[bids.bestPair]!;
          bestCost = cost[bids.bestPair]!;
          bestSlot = cheapSlot[bestCol]!;
        }
      }
      if (bestSlot < 0) continue;
      const increment = (second === Infinity ? 0 : second - best) + epsilon;
      slotPrice[bestSlot] = slotPrice[bestSlot]! + increment;
      const evicted = slotHolder[bestSlot]!;
      if (evicted >= 0) {
        bidderSlot[evicted] = -1;
        requeue(evicted);
      }
      slotHolder[bestSlot] = i;
      bidderSlot[i] = bestSlot;
      if (i < rows) rowCost[i] = bestCost;
      refresh(bestCol);
    }
    if (pending > 0 && savedAny) {
      slotPrice.set(saved.slotPrice);
      slotHolder.set(saved.slotHolder);
      bidderSlot.set(saved.bidderSlot);
      rowCost.set(saved.rowCost);
      for (let j = 0; j < cols; j++) refresh(j);
      bids.invalidate();
      break;
    }
    if (finalPhase || pending > 0) break;
    saved.slotPrice.set(slotPrice);
    saved.slotHolder.set(slotHolder);
    saved.bidderSlot.set(bidderSlot);
    saved.rowCost.set(rowCost);
    savedAny = true;
  }
  // Columns that keep a place empty (a stand-in's, or one nobody took) are priced at the
  // lowest price a non-stand-in place has; the rows' places all cost at least that.
  const lowest = standIns > 0 && tree[1]! < Infinity ? tree[1]! : 0;
  const prices = new Float64Array(cols);
  const rowCol = new Int32Array(rows).fill(-1);
  for (let j = 0; j < cols; j++) {
    let price = slotStart[j + 1]! > slotStart[j]! ? Infinity : lowest;
    for (let s = slotStart[j]!; s < slotStart[j + 1]!; s++) {
      const holder = slotHolder[s]!;
      if (holder >= 0 && holder < rows) rowCol[holder] = j;
      price = Math.min(price, holder >= rows ? lowest : slotPrice[s]!);
    }
    prices[j] = Math.max(0, price - lowest);
  }
  return { prices, rowCol };
}

/** The ε of the schedule's last phase: the first below range / (finalFactor · rows), or the last before ε would underflow to 0. */
function finalEpsilon(range: number, rows: number, schedule: EpsilonSchedule): number {
  let epsilon = range / schedule.firstDivisor;
  while (!(epsilon < range / (schedule.finalFactor * rows)) && epsilon / schedule.divisor !== 0) epsilon /= schedule.divisor;
  return epsilon;
}

/**
 * Places every slot of a column at the start's price for it (minus its potential, at least 0)
 * and each row of the start on a slot of its column, with the pair's cost, while the pair
 * exists and the column has a slot free.
 */
function startFrom(
  problem: NormalizedProblem,
  from: InternalStart,
  slotStart: Int32Array,
  state: { slotPrice: Float64Array; slotHolder: Int32Array; bidderSlot: Int32Array; rowCost: Float64Array },
): void {
  const { rows, cols, cost } = problem;
  const nextSlot = slotStart.slice(0, cols);
  for (let j = 0; j < cols; j++) state.slotPrice.fill(Math.max(0, -from.colPot[j]!), slotStart[j]!, slotStart[j + 1]!);
  for (let i = 0; i < rows; i++) {
    const j = from.rowCol[i]!;
    if (j < 0 || j >= cols || nextSlot[j]! >= slotStart[j + 1]!) continue;
    const at = findPair(problem, i, j);
    if (at < 0) continue;
    const s = nextSlot[j]!++;
    state.slotHolder[s] = i;
    state.bidderSlot[i] = s;
    state.rowCost[i] = cost[at]!;
  }
}
