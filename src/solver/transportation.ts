import { CoachmatchError } from '../errors.js';
import { MinHeap } from './minHeap.js';
import { SinkStreams } from './sinkStreams.js';
import { roundingUnit } from './roundingUnit.js';

/**
 * A transportation problem in the max sense: every unit of every source's supply must be
 * shipped, each sink takes at most its capacity, and a unit from a source to a sink weighs
 * what its pair does. Source s's pairs are `rowStart[s] .. rowStart[s+1]-1`, each a sink
 * (`colIndex`) and a weight (not finite: forbidden); a sink not among them is forbidden too.
 * Coachees of one kind (exact twins) are one source whose supply is their number, and coaches
 * the sinks: the problem then has a row per kind instead of one per coachee.
 */
export interface TransportationProblem {
  readonly sources: number;
  readonly sinks: number;
  readonly supply: Int32Array;
  readonly capacity: Int32Array;
  readonly rowStart: Int32Array;
  readonly colIndex: Int32Array;
  readonly weight: Float64Array;
  /** Per sink, the fewest units it must take (absent: none); at most its capacity. */
  readonly minLoad?: Int32Array;
}

/**
 * `optimal`: `flow[p]` units on pair p, with duals in the max sense: `sourceDual[s] +
 * sinkDual[j] >= weight` on every allowed pair, with equality where units flow; `sinkDual[j]`
 * above 0 only where sink j is full, below 0 only where it took just its minimum load (and
 * that is above 0), 0 elsewhere. `unshippable`: some of `source`'s supply can reach no sink
 * with room, whatever the others ship (the supplies cannot all be shipped). `unfillable`:
 * `sink`'s minimum load cannot be met together with the others' (too few units can reach it).
 * `overBudget`: the searches read more pairs than the budget allowed, and stopped.
 */
export type TransportationResult =
  | { readonly status: 'optimal'; readonly flow: Int32Array; readonly sourceDual: Float64Array; readonly sinkDual: Float64Array; readonly objective: number; readonly reads: number }
  | { readonly status: 'unshippable'; readonly source: number; readonly reads: number }
  | { readonly status: 'unfillable'; readonly sink: number; readonly reads: number }
  | { readonly status: 'overBudget'; readonly reads: number };

/**
 * Exact by successive shortest paths with potentials (min-cost flow on cost −weight), in
 * phases. A phase searches from every source with units left at once (Dijkstra over sources: a
 * source's sinks are read in order of reduced cost, one at a time, from a heap kept up to date
 * lazily, see SinkStreams; a full sink passes on to the sources shipping there, whose reversed
 * pairs cost 0 at these potentials) until the nearest sink with room, then moves the potentials
 * of what it touched, which leaves every shortest path at reduced cost 0. Paths of reduced cost
 * 0 are then carried, each as many units as its source has left, its sink has room for and each
 * reversed pair on it holds, until none is left; then the next phase. Alike sources (ties) are
 * settled many at a time, where a search from each in turn would cross the same ground again.
 * A full sink whose units all come from one source is parked out of that source's reading (a
 * path from there only comes back) until another source ships there. The same problem gives
 * the same flow.
 *
 * Minimum loads are demands of the sinks themselves: the first phases end their paths at
 * sinks short of their minimum (and carry each only as far as that minimum), and only once
 * every minimum is met do paths end at any sink with room. Each path is still a shortest one
 * from a source with units left to a node that lacks units, which is all the method needs; and
 * while minimums are being met no sink holds more than its minimum, so the way on from the
 * end node (taking units back from a sink above its minimum) does not exist yet, and the end
 * node only has its potential moved.
 *
 * @param budget pairs read (a sink read off a source's heap, kept up to date or put back)
 *   after which the solve stops with `overBudget`, so that a caller with another way to solve
 *   never waits long on this one.
 */
export function solveTransportation(problem: TransportationProblem, budget = Infinity): TransportationResult {
  const { sources, sinks, supply, capacity, rowStart, colIndex, weight } = checked(problem);
  const minLoad = problem.minLoad ?? new Int32Array(sinks);
  const pairs = colIndex.length;
  const unit = transportationUnit(problem);
  const pairSource = new Int32Array(pairs);
  for (let s = 0; s < sources; s++) pairSource.fill(s, rowStart[s]!, rowStart[s + 1]!);
  const flow = new Int32Array(pairs);
  const load = new Int32Array(sinks);
  const left = Int32Array.from(supply);
  // Per sink, its pairs that carry units (the reversed pairs a search may take).
  const holders: number[][] = Array.from({ length: sinks }, () => []);
  // Potentials of cost −weight: reduced costs −w + π(s) − π(j) and π(j) − π(end) stay ≥ 0.
  // The start prices every sink at 0 (π(j) = π(end) = 0: each has room, and a sink with room
  // is worth nothing more) and each source at its best pair, so a search ends at once when
  // that pair's sink has room.
  const sourcePot = new Float64Array(sources);
  const sinkPot = new Float64Array(sinks);
  let endPot = 0;
  for (let s = 0; s < sources; s++) {
    let best = -Infinity;
    for (let p = rowStart[s]!; p < rowStart[s + 1]!; p++) if (Number.isFinite(weight[p]!) && capacity[colIndex[p]!]! > 0 && weight[p]! > best) best = weight[p]!;
    sourcePot[s] = best === -Infinity ? 0 : best;
  }
  // Distances of the current search (∞ outside it), and the sources and sinks it touched, so
  // that a search costs what it explores: only those are reset and have their potentials moved.
  const sourceDist = new Float64Array(sources).fill(Infinity);
  const sourceDone = new Uint8Array(sources);
  const sinkDist = new Float64Array(sinks).fill(Infinity);
  const touchedSources: number[] = [];
  const touchedSinks: number[] = [];
  // Parked: a full sink whose units all come from one source leads a search from that source
  // nowhere but back, so it is dropped from that source's stream until another source ships
  // there. Its potential then moves with that source's, which keeps their pair tight (a
  // search that reaches one reaches the other at the same distance). Per sink its source
  // (−1: none) and the pair; per source its parked sinks, with each one's place in that list.
  const parkedBy = new Int32Array(sinks).fill(-1);
  const parkedPair = new Int32Array(sinks);
  const parkedAt = new Int32Array(sinks);
  const parked: number[][] = Array.from({ length: sources }, () => []);
  const unpark = (j: number): void => {
    const g = parkedBy[j]!;
    const list = parked[g]!;
    const moved = list.pop()!;
    if (moved !== j) {
      list[parkedAt[j]!] = moved;
      parkedAt[moved] = parkedAt[j]!;
    }
    parkedBy[j] = -1;
    streams.put(g, parkedPair[j]!);
  };
  const streams = new SinkStreams(rowStart, colIndex, weight, sinkPot, (p) => Number.isFinite(weight[p]!) && capacity[colIndex[p]!]! > 0);
  // Events: node g < sources settles source g; node sources + g reads source g's next sink.
  const heap = new MinHeap(64);
  /** Queues source g's next sink (settled at sourceDist[g]) at its distance, if any is left. */
  const queueNext = (g: number): void => {
    const p = streams.top(g);
    if (p < 0) return;
    const reduced = sourcePot[g]! + streams.keyOf(p);
    heap.push(sourceDist[g]! + (reduced > 0 ? reduced : 0), sources + g);
  };
  /** Parks sink j, the sink of source g's top pair p, out of g's stream (see parkedBy). */
  const park = (g: number, p: number, j: number): void => {
    streams.drop(g);
    parkedBy[j] = g;
    parkedPair[j] = p;
    parkedAt[j] = parked[g]!.length;
    parked[g]!.push(j);
  };
  /** Whether sink j is full with units from source g alone: a search from g gains nothing there. */
  const deadFor = (j: number, g: number): boolean => load[j] === capacity[j] && holders[j]!.length === 1 && pairSource[holders[j]![0]!] === g;
  /** Moves `amount` units onto pair p (its sink gains p's source as a shipper if new). */
  const ship = (p: number, amount: number): void => {
    const j = colIndex[p]!;
    if (flow[p] === 0) {
      holders[j]!.push(p);
      if (parkedBy[j]! >= 0 && parkedBy[j] !== pairSource[p]) unpark(j);
    }
    flow[p]! += amount;
    if (flow[p] === 0) holders[j]!.splice(holders[j]!.indexOf(p), 1);
  };
  // Sources with units left, and per source the phase it was found to lead nowhere in and the
  // path search it is on.
  let short: number[] = [];
  for (let s = 0; s < sources; s++) if (left[s]! > 0) short.push(s);
  const deadIn = new Int32Array(sources).fill(-1);
  const onPath = new Int32Array(sources).fill(-1);
  let searchId = 0;
  // The search tree: the pair a sink was reached by, and the shipper's pair a source was (a
  // source with units left is a root, at distance 0, and never reached otherwise).
  const sinkFrom = new Int32Array(sinks);
  const sourceVia = new Int32Array(sources);
  /** Carries the search tree's path from its root down to `endSink`, a sink with room. */
  const carryShortestPath = (endSink: number): void => {
    const forward: number[] = [];
    const back: number[] = [];
    for (let p = sinkFrom[endSink]!; ; ) {
      forward.push(p);
      const g = pairSource[p]!;
      if (sourceDist[g] === 0 && left[g]! > 0) break;
      back.push(sourceVia[g]!);
      p = sinkFrom[colIndex[sourceVia[g]!]!]!;
    }
    forward.reverse();
    back.reverse();
    carry(pairSource[forward[0]!]!, forward, back);
  };
  // The depth-first search's path: per level its source, the pair it tries, the next shipper
  // of that pair's sink to try, and the shipper's pair taken to the next level.
  const pathSources: number[] = [];
  const pathForward: number[] = [];
  const pathHolder: number[] = [];
  const pathBack: number[] = [];
  /** Source g's next pair of reduced cost 0 (taken off its stream for this phase), or −1. */
  const admissible = (g: number): number => {
    for (;;) {
      const p = streams.top(g);
      if (p < 0) return -1;
      const key = streams.keyOf(p);
      const reduced = sourcePot[g]! + key;
      if (reduced > 1e-12 * (unit + Math.abs(sourcePot[g]!) + Math.abs(key))) return -1;
      const j = colIndex[p]!;
      if (deadFor(j, g)) {
        park(g, p, j);
        continue;
      }
      streams.take(g);
      return p;
    }
  };
  // Units the sinks still lack to reach their minimum loads: while any, paths end only at such a sink.
  let lacking = 0;
  for (let j = 0; j < sinks; j++) lacking += minLoad[j]!;
  const lackingSink = (): number => load.findIndex((n, j) => n < minLoad[j]!);
  /** Whether a path of reduced cost 0 may end at sink j: it lacks units, or (every minimum met) has room and its way out costs 0. */
  const endsAt = (j: number): boolean => (lacking > 0 ? load[j]! < minLoad[j]! : load[j]! < capacity[j]! && sinkPot[j]! - endPot <= 1e-12 * (unit + Math.abs(sinkPot[j]!) + Math.abs(endPot)));
  /** Carries as much as it can along a path: `forward[k]` from source k to a sink, `back[k]` from that sink's shipper (source k + 1) back. */
  const carry = (s: number, forward: readonly number[], back: readonly number[]): void => {
    const j = colIndex[forward[forward.length - 1]!]!;
    let amount = Math.min(left[s]!, (lacking > 0 ? minLoad[j]! : capacity[j]!) - load[j]!);
    for (const q of back) amount = Math.min(amount, flow[q]!);
    for (let k = 0; k < forward.length; k++) {
      ship(forward[k]!, amount);
      if (k < back.length) ship(back[k]!, -amount);
    }
    load[j]! += amount;
    left[s]! -= amount;
    if (lacking > 0) lacking -= amount;
  };
  /**
   * One path of reduced cost 0 from source s to a sink with room (a depth-first search that
   * passes through full sinks to each of their shippers in turn, marking the sources it finds
   * no way on from), carried as far as it can: false when it found none.
   */
  const augmentFrom = (s: number, phase: number): boolean => {
    searchId++;
    pathSources.length = 0;
    pathForward.length = 0;
    pathHolder.length = 0;
    pathBack.length = 0;
    pathSources.push(s);
    pathForward.push(-1);
    pathHolder.push(0);
    onPath[s] = searchId;
    while (pathSources.length > 0) {
      const level = pathSources.length - 1;
      const g = pathSources[level]!;
      if (pathForward[level]! < 0) {
        const p = admissible(g);
        if (p < 0) {
          deadIn[g] = phase;
          pathSources.pop();
          pathForward.pop();
          pathHolder.pop();
          pathBack.pop();
          continue;
        }
        if (endsAt(colIndex[p]!)) {
          pathForward[level] = p;
          carry(s, pathForward, pathBack);
          return true;
        }
        pathForward[level] = p;
        pathHolder[level] = 0;
      }
      const shippers = holders[colIndex[pathForward[level]!]!]!;
      let via = -1;
      while (pathHolder[level]! < shippers.length) {
        const q = shippers[pathHolder[level]!++]!;
        const h = pairSource[q]!;
        if (onPath[h] !== searchId && deadIn[h] !== phase) {
          via = q;
          break;
        }
      }
      if (via < 0) {
        // Every shipper of this pair's sink tried: the source's next pair.
        pathForward[level] = -1;
        continue;
      }
      pathBack[level] = via;
      pathBack.length = level + 1;
      pathSources.push(pairSource[via]!);
      pathForward.push(-1);
      pathHolder.push(0);
      onPath[pairSource[via]!] = searchId;
    }
    return false;
  };
  // Phases: one search from every source with units left at once finds the nearest sink with
  // room and moves the potentials, which leaves every shortest path of reduced cost 0; then
  // paths of reduced cost 0 are carried until none is left. Alike sources (ties) are settled
  // many at a time, where a search from each in turn would cross the same ground again.
  for (let phase = 0; short.length > 0; phase++) {
    for (const g of touchedSources) {
      sourceDist[g] = Infinity;
      sourceDone[g] = 0;
    }
    for (const j of touchedSinks) sinkDist[j] = Infinity;
    touchedSources.length = 0;
    touchedSinks.length = 0;
    heap.clear();
    for (const s of short) {
      sourceDist[s] = 0;
      touchedSources.push(s);
      heap.push(0, s);
    }
    let bestEnd = Infinity;
    let endSink = -1;
    // While minimums are being met, the end node is reached without ending the search.
    let endDist = Infinity;
    // Dijkstra with each source's sinks read in order of reduced cost, one at a time: the
    // events come off in order of distance, so a sink's first one is its distance.
    while (heap.size > 0 && heap.peekKey() < bestEnd) {
      const at = heap.peekKey();
      const node = heap.pop();
      if (node < sources) {
        if (sourceDone[node] === 1 || at > sourceDist[node]!) continue;
        sourceDone[node] = 1;
        queueNext(node);
        continue;
      }
      const g = node - sources;
      const p = streams.top(g);
      const j = colIndex[p]!;
      if (deadFor(j, g)) {
        park(g, p, j);
        queueNext(g);
        continue;
      }
      streams.take(g);
      if (sinkDist[j] === Infinity) {
        touchedSinks.push(j);
        sinkDist[j] = at;
        sinkFrom[j] = p;
        if (load[j]! < capacity[j]!) {
          const toEnd = sinkPot[j]! - endPot;
          const e = at + (toEnd > 0 ? toEnd : 0);
          if (e < endDist) endDist = e;
          const ends = lacking > 0 ? load[j]! < minLoad[j]! : true;
          const reach = lacking > 0 ? at : e;
          if (ends && reach < bestEnd) {
            bestEnd = reach;
            endSink = j;
          }
        }
        for (const q of holders[j]!) {
          const h = pairSource[q]!;
          if (sourceDone[h] === 0 && at < sourceDist[h]!) {
            if (sourceDist[h] === Infinity) touchedSources.push(h);
            sourceDist[h] = at;
            sourceVia[h] = q;
            heap.push(at, h);
          }
        }
      }
      queueNext(g);
      if (streams.reads > budget) return { status: 'overBudget', reads: streams.reads };
    }
    if (bestEnd === Infinity) return lacking > 0 ? { status: 'unfillable', sink: lackingSink(), reads: streams.reads } : { status: 'unshippable', source: short[0]!, reads: streams.reads };
    // Reached or not, the end node moves as any other (by 0 once it ends every path).
    endPot += Math.min(endDist, bestEnd) - bestEnd;
    // Every potential moves by min(distance, bestEnd): the untouched by bestEnd. Only
    // differences of potentials count, so the touched move by the difference instead.
    for (const g of touchedSources) {
      const move = Math.min(sourceDist[g]!, bestEnd) - bestEnd;
      sourcePot[g]! += move;
      for (const j of parked[g]!) sinkPot[j]! += move;
    }
    for (const j of touchedSinks) if (parkedBy[j]! < 0) sinkPot[j]! += Math.min(sinkDist[j]!, bestEnd) - bestEnd;
    streams.restore(pairSource);
    let carried = false;
    for (const s of short) while (left[s]! > 0 && deadIn[s] !== phase && augmentFrom(s, phase)) carried = true;
    streams.restore(pairSource);
    // The search's own shortest path is one of reduced cost 0 now; the depth-first search may
    // miss every such path where ties make cycles of them (a source it marked dead can lie on
    // one). Then that path is carried, so that each phase carries something.
    if (!carried) carryShortestPath(endSink);
    short = short.filter((s) => left[s]! > 0);
    if (streams.reads > budget) return { status: 'overBudget', reads: streams.reads };
  }
  // Every unit shipped with a minimum still unmet: the minimums ask for more than the supplies.
  if (lacking > 0) return { status: 'unfillable', sink: lackingSink(), reads: streams.reads };
  return { status: 'optimal', flow, ...dualsOf(problem, minLoad, sourcePot, sinkPot, endPot, load), objective: objectiveOf(problem, flow), reads: streams.reads };
}

/** The max-sense duals of the final potentials (see TransportationResult). */
function dualsOf(problem: TransportationProblem, minLoad: Int32Array, sourcePot: Float64Array, sinkPot: Float64Array, endPot: number, load: Int32Array): { sourceDual: Float64Array; sinkDual: Float64Array } {
  const { sources, sinks, capacity, rowStart, colIndex, weight } = problem;
  const sourceDual = Float64Array.from(sourcePot, (p) => p - endPot);
  const sinkDual = new Float64Array(sinks);
  // A sink that filled has π(j) ≤ π(end); one with room has π(j) = π(end) when it took more
  // than its minimum, and may lie above it otherwise: then a sink at a minimum above 0 is
  // priced below 0 (its pairs with units stay tight), one at 0 units takes 0, which keeps
  // every pair covered. A sink whose minimum is its capacity may go either way.
  for (let j = 0; j < sinks; j++) {
    const gap = endPot - sinkPot[j]!;
    const atMinimum = minLoad[j]! > 0 && load[j] === minLoad[j];
    if (capacity[j]! > 0 && load[j] === capacity[j]) sinkDual[j] = atMinimum ? gap : Math.max(0, gap);
    else sinkDual[j] = atMinimum ? Math.min(0, gap) : 0;
  }
  // A sink without places: its dual costs nothing, and is set to cover its pairs.
  for (let s = 0; s < sources; s++) {
    for (let p = rowStart[s]!; p < rowStart[s + 1]!; p++) {
      const j = colIndex[p]!;
      if (capacity[j] === 0 && Number.isFinite(weight[p]!)) sinkDual[j] = Math.max(sinkDual[j]!, weight[p]! - sourceDual[s]!);
    }
  }
  return { sourceDual, sinkDual };
}

function objectiveOf(problem: TransportationProblem, flow: Int32Array): number {
  let total = 0;
  for (let p = 0; p < flow.length; p++) if (flow[p]! > 0) total += flow[p]! * problem.weight[p]!;
  return total;
}

/**
 * Whether `flow` with these duals is proven optimal: it ships every supply on allowed pairs
 * within capacity and minimum loads, and the duals cover every allowed pair, are tight where
 * units flow, price above 0 only full sinks and below 0 only sinks at a minimum load above 0,
 * each to within 10^-9 · (unit + the magnitudes involved) (see transportationUnit), as the
 * candidate certificates count ties. Independent of how the solve found them.
 */
export function transportationProven(problem: TransportationProblem, flow: Int32Array, sourceDual: Float64Array, sinkDual: Float64Array): boolean {
  const { sources, sinks, supply, capacity, rowStart, colIndex, weight } = problem;
  const unit = transportationUnit(problem);
  const minLoad = problem.minLoad ?? new Int32Array(sinks);
  const load = new Int32Array(sinks);
  for (let s = 0; s < sources; s++) {
    let shipped = 0;
    for (let p = rowStart[s]!; p < rowStart[s + 1]!; p++) {
      const j = colIndex[p]!;
      const units = flow[p]!;
      const w = weight[p]!;
      if (units < 0) return false;
      if (!Number.isFinite(w)) {
        if (units > 0) return false;
        continue;
      }
      shipped += units;
      load[j]! += units;
      const slack = sourceDual[s]! + sinkDual[j]! - w;
      const allowance = dualAllowance(sourceDual[s]!, sinkDual[j]!, w, unit);
      if (slack < -allowance || (units > 0 && slack > allowance)) return false;
    }
    if (shipped !== supply[s]) return false;
  }
  for (let j = 0; j < sinks; j++) {
    const v = sinkDual[j]!;
    if (load[j]! > capacity[j]! || load[j]! < minLoad[j]! || !Number.isFinite(v)) return false;
    const atMinimum = minLoad[j]! > 0 && load[j] === minLoad[j];
    if ((v < 0 && !atMinimum) || (load[j]! < capacity[j]! && v > 1e-9 * (unit + Math.abs(v)))) return false;
  }
  return true;
}

/**
 * How far duals `u + v` may fall short of a pair's weight `w`, or exceed it where units flow,
 * and still count: 10^-9 · (unit + the magnitudes involved), as the candidate certificates count ties.
 */
export function dualAllowance(u: number, v: number, w: number, unit: number): number {
  return 1e-9 * (unit + Math.abs(u) + Math.abs(v) + Math.abs(w));
}

/**
 * The unit of the problem's rounding tolerances (see roundingUnit): 1 for weights of 1 and
 * above, the largest |weight| below that, so tolerances shrink with the weights. One pass over
 * the pairs, a kind's per coach: small beside a solve.
 */
export function transportationUnit(problem: TransportationProblem): number {
  let largest = 0;
  for (const w of problem.weight) if (Number.isFinite(w) && Math.abs(w) > largest) largest = Math.abs(w);
  return roundingUnit(largest);
}

function checked(problem: TransportationProblem): TransportationProblem {
  const { sources, sinks, supply, capacity, rowStart, colIndex, weight } = problem;
  const whole = (n: number) => Number.isInteger(n) && n >= 0;
  const rowsOk = rowStart.length === sources + 1 && rowStart[0] === 0 && rowStart[sources] === colIndex.length && rowStart.every((at, s) => s === 0 || at >= rowStart[s - 1]!);
  const minimumsOk = problem.minLoad === undefined || (problem.minLoad.length === sinks && problem.minLoad.every((m, j) => whole(m) && m <= capacity[j]!));
  if (!whole(sources) || !whole(sinks) || supply.length !== sources || capacity.length !== sinks || !rowsOk || weight.length !== colIndex.length || !colIndex.every((j) => j >= 0 && j < sinks) || !supply.every(whole) || !capacity.every(whole) || !minimumsOk) {
    throw new CoachmatchError('internal', `a transportation problem needs ${sources} supplies and ${sinks} capacities (whole numbers, each minimum load at most its capacity), and its sources' pairs in compressed rows, each a sink below ${sinks} with a weight`);
  }
  return problem;
}
