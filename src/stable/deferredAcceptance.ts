import { z } from 'zod';
import { CoachmatchError } from '../errors.js';
import { zodIssuesToInputIssues } from '../model/zodIssuesToInputIssues.js';
import { preferenceRanks, type PreferenceRanks } from './preferenceRanks.js';
import type { Proposer, StableMatching, StableProblem } from './stableProblem.js';

/** Options of {@link deferredAcceptance}. */
export interface DeferredAcceptanceOptions {
  /** The side that proposes and gets its best stable matching; default `rows` (coachees). */
  readonly proposer: Proposer;
}

/** Defaults for {@link deferredAcceptance}. */
export const defaultDeferredAcceptanceOptions: DeferredAcceptanceOptions = { proposer: 'rows' };

/**
 * Gale–Shapley deferred acceptance with capacities (the hospital–residents algorithm).
 *
 * @remarks
 * With `proposer: 'rows'` each free row proposes down its list and a column holds the best
 * `capacity` proposals so far: the result is the row-optimal stable matching (every row
 * gets its best partner in any stable matching). With `proposer: 'cols'` a column with free
 * places proposes down its list and a row holds its best offer: the column-optimal one
 * (Gale & Shapley 1962; Gusfield & Irving 1989, §1.6; Roth 1984). Lists may be incomplete;
 * a pair is acceptable only when both sides list each other. Preferences are strict, so the
 * result does not depend on the order in which proposals are processed, and rows and
 * columns absent from every stable matching are the same whichever side proposes (the
 * "rural hospitals" theorem). Ties in scores are broken before this point, see
 * {@link preferencesFromScores}. Runs in O(Σ list lengths · max capacity).
 *
 * @throws CoachmatchError of kind `invalidProblem` for out-of-range or repeated entries;
 * `invalidArgument` at `$.proposer` for a proposer other than `rows` or `cols` (undefined means
 * the default, `rows`), or an unknown option.
 *
 * @example
 * ```ts
 * deferredAcceptance({ rows: 2, cols: 1, rowPrefs: [[0], [0]], colPrefs: [[1, 0]] });
 * // { assignment: [null, 0], members: [[1]], matched: 1 }
 * ```
 */
export function deferredAcceptance(problem: StableProblem, options: Partial<DeferredAcceptanceOptions> = {}): StableMatching {
  const proposer = checkProposer(options);
  const ranks = preferenceRanks(problem);
  const rowCol = proposer === 'cols' ? colsPropose(problem, ranks) : rowsPropose(problem, ranks);
  return toStableMatching(problem, ranks, rowCol);
}

const optionsSchema = z.strictObject({ proposer: z.enum(['rows', 'cols']).optional() });

/**
 * The proposing side: `rows` when not given (or undefined); anything else outside the enum is
 * refused, since running the other side's version would silently give the other matching.
 */
function checkProposer(options: unknown): DeferredAcceptanceOptions['proposer'] {
  const parsed = optionsSchema.safeParse(options);
  if (!parsed.success) throw new CoachmatchError('invalidArgument', 'Invalid deferred acceptance options', zodIssuesToInputIssues(parsed.error.issues));
  return parsed.data.proposer ?? defaultDeferredAcceptanceOptions.proposer;
}

function rowsPropose(problem: StableProblem, { colRank, capacity }: PreferenceRanks): Int32Array {
  const { rows, rowPrefs } = problem;
  const rowCol = new Int32Array(rows).fill(-1);
  const next = new Int32Array(rows);
  const held: number[][] = Array.from({ length: problem.cols }, () => []);
  const free: number[] = [];
  for (let i = rows - 1; i >= 0; i--) free.push(i);
  while (free.length > 0) {
    const i = free.pop()!;
    const list = rowPrefs[i]!;
    while (next[i]! < list.length) {
      const j = list[next[i]!++]!;
      const rank = colRank(j, i);
      if (rank < 0 || capacity[j] === 0) continue; // j does not accept i
      const members = held[j]!;
      if (members.length < capacity[j]!) {
        members.push(i);
        rowCol[i] = j;
        break;
      }
      // Full: j keeps i only in place of its worst member.
      let worst = 0;
      for (let m = 1; m < members.length; m++) if (colRank(j, members[m]!) > colRank(j, members[worst]!)) worst = m;
      const out = members[worst]!;
      if (colRank(j, out) < rank) continue;
      members[worst] = i;
      rowCol[i] = j;
      rowCol[out] = -1;
      free.push(out);
      break;
    }
  }
  return rowCol;
}

function colsPropose(problem: StableProblem, { rowRank, capacity }: PreferenceRanks): Int32Array {
  const { rows, cols, colPrefs } = problem;
  const rowCol = new Int32Array(rows).fill(-1);
  const load = new Int32Array(cols);
  const next = new Int32Array(cols);
  const queued = new Uint8Array(cols);
  const active: number[] = [];
  for (let j = cols - 1; j >= 0; j--) {
    active.push(j);
    queued[j] = 1;
  }
  while (active.length > 0) {
    const j = active.pop()!;
    queued[j] = 0;
    const list = colPrefs[j]!;
    while (load[j]! < capacity[j]! && next[j]! < list.length) {
      const i = list[next[j]!++]!;
      const rank = rowRank(i, j);
      if (rank < 0) continue; // i does not accept j
      const current = rowCol[i]!;
      if (current >= 0 && rowRank(i, current) < rank) continue;
      if (current >= 0) {
        load[current]!--;
        if (!queued[current]) {
          active.push(current);
          queued[current] = 1;
        }
      }
      rowCol[i] = j;
      load[j]!++;
    }
  }
  return rowCol;
}

function toStableMatching(problem: StableProblem, { colRank }: PreferenceRanks, rowCol: Int32Array): StableMatching {
  const members: number[][] = Array.from({ length: problem.cols }, () => []);
  const assignment = Array.from(rowCol, (j, i) => {
    if (j < 0) return null;
    members[j]!.push(i);
    return j;
  });
  members.forEach((list, j) => list.sort((a, b) => colRank(j, a) - colRank(j, b)));
  return { assignment, members, matched: assignment.filter((j) => j !== null).length };
}
