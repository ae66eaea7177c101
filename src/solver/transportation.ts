import { CoachmatchError } from '../errors.js';

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
}

/**
 * `optimal`: `flow[p]` units on pair p, with duals in the max sense: `sourceDual[s] +
 * sinkDual[j] >= weight` on every allowed pair, with equality where units flow; `sinkDual[j]
 * >= 0`, and 0 where sink j has room left. `unshippable`: some of `source`'s supply can reach
 * no sink with room, whatever the others ship (the supplies cannot all be shipped).
 * `overBudget`: the searches read more pairs than the budget allowed, and stopped.
 */
export type TransportationResult =
  | { readonly status: 'optimal'; readonly flow: Int32Array; readonly sourceDual: Float64Array; readonly sinkDual: Float64Array; readonly objective: number; readonly scanned: number }
  | { readonly status: 'unshippable'; readonly source: number; readonly scanned: number }
  | { readonly status: 'overBudget'; readonly scanned: number };

/**
 * Exact by successive shortest paths with potentials (min-cost flow on cost −weight), each
 * path carrying as many units as its source has left, its last sink has room for, and each
 * reversed pair on it holds. A search runs over sources: from a source it reads the reduced
 * cost of each of its pairs, and passes on through a full sink to the sources shipping there
 * (their reversed pairs cost 0 at these potentials); it ends at the nearest sink with room.
 * Each path fills a sink, empties a source or a reversed pair, so a problem takes about as many
 * searches as it has sinks that fill. Ties go to the lower source and the earlier pair: the
 * same problem gives the same flow.
 *
 * @param budget pairs read (a search reads every pair of each source it reaches) after which
 *   the solve stops with `overBudget`, so that a caller with another way to solve never waits
 *   long on this one.
 */
export function solveTransportation(problem: TransportationProblem, budget = Infinity): TransportationResult {
  const { sources, sinks, supply, capacity, rowStart, colIndex, weight } = checked(problem);
  const pairs = colIndex.length;
  const pairSource = new Int32Array(pairs);
  for (let s = 0; s < sources; s++) pairSource.fill(s, rowStart[s]!, rowStart[s + 1]!);
  const flow = new Int32Array(pairs);
  const load = new Int32Array(sinks);
  const left = Int32Array.from(supply);
  // Per sink, its pairs that carry units (the reversed pairs a search may take).
  const holders: number[][] = Array.from({ length: sinks }, () => []);
  // Potentials of cost −weight: reduced costs −w + π(s) − π(j) and π(j) − π(end) stay ≥ 0.
  const sourcePot = new Float64Array(sources);
  const sinkPot = new Float64Array(sinks).fill(Infinity);
  for (let p = 0; p < pairs; p++) {
    const w = weight[p]!;
    if (Number.isFinite(w) && -w < sinkPot[colIndex[p]!]!) sinkPot[colIndex[p]!] = -w;
  }
  let endPot = Infinity;
  for (let j = 0; j < sinks; j++) {
    if (sinkPot[j] === Infinity) sinkPot[j] = 0;
    if (capacity[j]! > 0 && sinkPot[j]! < endPot) endPot = sinkPot[j]!;
  }
  if (endPot === Infinity) endPot = 0;
  const sourceDist = new Float64Array(sources);
  const sourceDone = new Uint8Array(sources);
  // The reversed pair a source was reached by, and the pair a sink was.
  const sourceVia = new Int32Array(sources);
  const sinkDist = new Float64Array(sinks);
  const sinkFrom = new Int32Array(sinks);
  let scanned = 0;
  for (let s = 0; s < sources; s++) {
    while (left[s]! > 0) {
      sourceDist.fill(Infinity);
      sourceDone.fill(0);
      sinkDist.fill(Infinity);
      sourceDist[s] = 0;
      let bestEnd = Infinity;
      let endSink = -1;
      for (;;) {
        let g = -1;
        for (let q = 0; q < sources; q++) if (sourceDone[q] === 0 && sourceDist[q]! < (g < 0 ? Infinity : sourceDist[g]!)) g = q;
        if (g < 0 || sourceDist[g]! >= bestEnd) break;
        sourceDone[g] = 1;
        const dg = sourceDist[g]!;
        const pg = sourcePot[g]!;
        const last = rowStart[g + 1]!;
        scanned += last - rowStart[g]!;
        for (let p = rowStart[g]!; p < last; p++) {
          const w = weight[p]!;
          const j = colIndex[p]!;
          // A sink without places takes nothing.
          if (!Number.isFinite(w) || capacity[j] === 0) continue;
          const reduced = pg - w - sinkPot[j]!;
          const d = dg + (reduced > 0 ? reduced : 0);
          if (!(d < sinkDist[j]!)) continue;
          sinkDist[j] = d;
          sinkFrom[j] = p;
          if (load[j]! < capacity[j]!) {
            const toEnd = sinkPot[j]! - endPot;
            const e = d + (toEnd > 0 ? toEnd : 0);
            if (e < bestEnd) {
              bestEnd = e;
              endSink = j;
            }
          }
          for (const q of holders[j]!) {
            const h = pairSource[q]!;
            if (sourceDone[h] === 0 && d < sourceDist[h]!) {
              sourceDist[h] = d;
              sourceVia[h] = q;
            }
          }
        }
        if (scanned > budget) return { status: 'overBudget', scanned };
      }
      if (endSink < 0) return { status: 'unshippable', source: s, scanned };
      for (let q = 0; q < sources; q++) sourcePot[q]! += Math.min(sourceDist[q]!, bestEnd);
      for (let j = 0; j < sinks; j++) sinkPot[j]! += Math.min(sinkDist[j]!, bestEnd);
      endPot += bestEnd;
      // The path back from the sink with room: how much it can carry, then carried.
      let amount = Math.min(left[s]!, capacity[endSink]! - load[endSink]!);
      for (let g = pairSource[sinkFrom[endSink]!]!; g !== s; g = pairSource[sinkFrom[colIndex[sourceVia[g]!]!]!]!) amount = Math.min(amount, flow[sourceVia[g]!]!);
      load[endSink]! += amount;
      left[s]! -= amount;
      for (let j = endSink; ; ) {
        const p = sinkFrom[j]!;
        const g = pairSource[p]!;
        if (flow[p] === 0) holders[j]!.push(p);
        flow[p]! += amount;
        if (g === s) break;
        const back = sourceVia[g]!;
        j = colIndex[back]!;
        flow[back]! -= amount;
        if (flow[back] === 0) holders[j]!.splice(holders[j]!.indexOf(back), 1);
      }
    }
  }
  return { status: 'optimal', flow, ...dualsOf(problem, sourcePot, sinkPot, endPot, load), objective: objectiveOf(problem, flow), scanned };
}

/** The max-sense duals of the final potentials (see TransportationResult). */
function dualsOf(problem: TransportationProblem, sourcePot: Float64Array, sinkPot: Float64Array, endPot: number, load: Int32Array): { sourceDual: Float64Array; sinkDual: Float64Array } {
  const { sources, sinks, capacity, rowStart, colIndex, weight } = problem;
  const sourceDual = Float64Array.from(sourcePot, (p) => p - endPot);
  const sinkDual = new Float64Array(sinks);
  // A sink that filled has π(j) ≤ π(end); one with room has π(j) = π(end) when it took any
  // unit, and may lie above it when it took none: 0 then keeps every pair covered.
  for (let j = 0; j < sinks; j++) sinkDual[j] = capacity[j]! > 0 && load[j]! === capacity[j]! ? Math.max(0, endPot - sinkPot[j]!) : 0;
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
 * within capacity, and the duals cover every allowed pair, are tight where units flow, and
 * price only full sinks, each to within 10^-9 · (1 + the magnitudes involved), as the
 * candidate certificates count ties. Independent of how the solve found them.
 */
export function transportationProven(problem: TransportationProblem, flow: Int32Array, sourceDual: Float64Array, sinkDual: Float64Array): boolean {
  const { sources, sinks, supply, capacity, rowStart, colIndex, weight } = problem;
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
      const allowance = 1e-9 * (1 + Math.abs(sourceDual[s]!) + Math.abs(sinkDual[j]!) + Math.abs(w));
      if (slack < -allowance || (units > 0 && slack > allowance)) return false;
    }
    if (shipped !== supply[s]) return false;
  }
  for (let j = 0; j < sinks; j++) {
    if (load[j]! > capacity[j]! || !(sinkDual[j]! >= 0)) return false;
    if (load[j]! < capacity[j]! && sinkDual[j]! > 1e-9 * (1 + Math.abs(sinkDual[j]!))) return false;
  }
  return true;
}

function checked(problem: TransportationProblem): TransportationProblem {
  const { sources, sinks, supply, capacity, rowStart, colIndex, weight } = problem;
  const whole = (n: number) => Number.isInteger(n) && n >= 0;
  const rowsOk = rowStart.length === sources + 1 && rowStart[0] === 0 && rowStart[sources] === colIndex.length && rowStart.every((at, s) => s === 0 || at >= rowStart[s - 1]!);
  if (!whole(sources) || !whole(sinks) || supply.length !== sources || capacity.length !== sinks || !rowsOk || weight.length !== colIndex.length || !colIndex.every((j) => j >= 0 && j < sinks) || !supply.every(whole) || !capacity.every(whole)) {
    throw new CoachmatchError('internal', `a transportation problem needs ${sources} supplies and ${sinks} capacities (whole numbers), and its sources' pairs in compressed rows, each a sink below ${sinks} with a weight`);
  }
  return problem;
}
