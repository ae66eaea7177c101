import { lpSolverBackend } from '../constraints/lpSolverBackend.js';
import type { QuotaBackend } from '../constraints/quotaBackend.js';
import type { PreparedMatch } from '../engine/match.js';
import { CoachmatchError } from '../errors.js';
import { scaledForLp } from '../solver/powerOfTwoScale.js';
import { shortlists, type Shortlists } from './shortlists.js';

/** A {@link Shortlists} result, saying how it was built. */
export type GuaranteedShortlists = Shortlists & {
  /**
   * `balanced`: lists of k allowed coaches with the best total score such that no coach is
   * listed more often than its places, so every choice can be honoured. `ownBest`: no such
   * lists exist (see `reason`); each coachee's own k best, with the collisions.
   */
  readonly method: 'balanced' | 'ownBest';
  readonly reason?: string;
};

/**
 * Shortlists for self-match programmes that guarantee every choice: each coachee gets k
 * allowed coaches, no coach appears on more lists than it has places, and among such lists
 * the total score is the highest. Solved exactly as a 0/1 program (bipartite with unit pair
 * bounds, so its LP relaxation is integral; the answer is checked all the same). When no such
 * lists exist — fewer places than coachees × k, a coachee with fewer than k allowed coaches,
 * a coach with a minimum load when k > 1 (lists of one are held to the minimum loads) — it
 * returns each coachee's own k best and where their choices could collide.
 *
 * @example
 * ```ts
 * const result = guaranteedShortlists(prepareMatch(cohort), 3);
 * result.guaranteed; // true when every choice can be honoured
 * ```
 */
export function guaranteedShortlists(prepared: PreparedMatch, k: number, backend: QuotaBackend = lpSolverBackend): GuaranteedShortlists {
  if (!Number.isInteger(k) || k < 1) throw new CoachmatchError('invalidArgument', `k must be a whole number ≥ 1, got ${k}`);
  const { features, combined } = prepared;
  const { rows, cols, utility, bans, capacity, minLoad } = combined;
  // No lists of k that honour every choice exist: never `guaranteed`, even where the own best
  // happen not to collide (a coachee with fewer than k allowed coaches, or none).
  const fallback = (reason: string): GuaranteedShortlists => ({ ...shortlists(prepared, k), guaranteed: false, method: 'ownBest', reason });

  const pairRow: number[] = [];
  const pairCol: number[] = [];
  const perRow = new Int32Array(rows);
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) {
      if (capacity[j]! === 0 || bans.has(i * cols + j)) continue;
      pairRow.push(i);
      pairCol.push(j);
      perRow[i]!++;
    }
  }
  const short = features.coacheeIds.filter((_, i) => perRow[i]! < k);
  if (short.length > 0) return fallback(`${short.length} coachee(s) have fewer than ${k} allowed coaches with places: ${short.slice(0, 10).join(', ')}`);
  let places = 0;
  for (let j = 0; j < cols; j++) places += capacity[j]!;
  if (places < rows * k) return fallback(`${rows} coachees × ${k} choices need ${rows * k} places; the coaches have ${places}`);
  // From two choices up, every coachee could pass a coach by, leaving it below its minimum
  // load: no lists can promise both. Lists of one leave no choice, so the program holds the
  // minimum loads as lower bounds instead.
  const bound = features.coachIds.filter((_, j) => minLoad[j]! > 0);
  if (bound.length > 0 && k > 1) return fallback(`${bound.length} coach(es) have a minimum load, which free choices from lists of ${k} cannot guarantee: ${bound.slice(0, 10).join(', ')}`);

  // Rows: Σ_j x_ij = k for each coachee; columns: Σ_i x_ij ≤ capacity_j for each coach.
  const n = pairRow.length;
  const byCol: number[][] = Array.from({ length: cols }, () => []);
  pairCol.forEach((j, p) => byCol[j]!.push(p));
  const start = new Int32Array(rows + cols + 1);
  const index = new Int32Array(2 * n);
  let at = 0;
  for (let i = 0, p = 0; i < rows; i++) {
    start[i] = at;
    for (; p < n && pairRow[p] === i; p++) index[at++] = p;
  }
  for (let j = 0; j < cols; j++) {
    start[rows + j] = at;
    for (const p of byCol[j]!) index[at++] = p;
  }
  start[rows + cols] = at;
  const lower = new Float64Array(rows + cols).fill(-Infinity);
  const upper = new Float64Array(rows + cols);
  for (let i = 0; i < rows; i++) lower[i] = upper[i] = k;
  for (let j = 0; j < cols; j++) {
    upper[rows + j] = capacity[j]!;
    if (minLoad[j]! > 0) lower[rows + j] = minLoad[j]!;
  }
  const program = {
    variables: n,
    sense: 'max' as const,
    // Scaled exactly (see scaledForLp): the LP backends' tolerances are absolute, and at scores of 1e-18 the lists came out 5% short of the best.
    objective: scaledForLp(Float64Array.from(pairRow, (i, p) => utility[i * cols + pairCol[p]!]!)),
    start,
    index,
    value: new Float64Array(2 * n).fill(1),
    lower,
    upper,
  };
  const outcome = backend.solve(program, { timeLimitSeconds: Infinity });
  if (outcome.status === 'infeasible') return fallback(bound.length > 0 ? 'no lists of one coach fit the coaches’ places and minimum loads' : 'no lists of this length fit the coaches’ places');
  if (outcome.status !== 'optimal' || outcome.values === null) throw new CoachmatchError('internal', `${backend.name} gave no optimal shortlists`);

  const lists: string[][] = features.coacheeIds.map(() => []);
  const listed = new Int32Array(cols);
  for (let p = 0; p < n; p++) {
    const x = outcome.values[p]!;
    if (Math.abs(x) > 1e-6 && Math.abs(x - 1) > 1e-6) throw new CoachmatchError('internal', `${backend.name} returned a fractional shortlist value ${x}`);
    if (x < 0.5) continue;
    lists[pairRow[p]!]!.push(features.coachIds[pairCol[p]!]!);
    listed[pairCol[p]!]!++;
  }
  for (let i = 0; i < rows; i++) {
    if (lists[i]!.length !== k) throw new CoachmatchError('internal', `shortlist of ${features.coacheeIds[i]} has ${lists[i]!.length} coaches, not ${k}`);
  }
  for (let j = 0; j < cols; j++) {
    if (listed[j]! > capacity[j]!) throw new CoachmatchError('internal', `coach ${features.coachIds[j]} listed ${listed[j]} times for ${capacity[j]} places`);
    if (listed[j]! < minLoad[j]!) throw new CoachmatchError('internal', `coach ${features.coachIds[j]} listed ${listed[j]} times below its minimum load ${minLoad[j]}`);
  }
  // Best coach first on each list, ties by coach id.
  const colOf = new Map(features.coachIds.map((id, j) => [id, j]));
  const sorted = lists.map((ids, i) =>
    [...ids].sort((a, b) => utility[i * cols + colOf.get(b)!]! - utility[i * cols + colOf.get(a)!]! || (a < b ? -1 : 1)),
  );
  return {
    guaranteed: true,
    method: 'balanced',
    lists: features.coacheeIds.map((coacheeId, i) => ({ coacheeId, coachIds: sorted[i]! })),
    collisions: [],
  };
}
