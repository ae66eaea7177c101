import { CoachmatchError, type InputIssue } from '../errors.js';
import { describeValue } from '../text/describeValue.js';
import type { StableProblem } from './stableProblem.js';

/** Rank lookups of a checked {@link StableProblem}; -1 marks a pair the side does not list. */
export interface PreferenceRanks {
  /** Position of column j in row i's list. */
  rowRank(i: number, j: number): number;
  /** Position of row i in column j's list. */
  colRank(j: number, i: number): number;
  /** Row i's listed columns, ascending. */
  listedBy(i: number): Int32Array;
  readonly capacity: Int32Array;
}

/**
 * Owner × other pairs up to which ranks sit in a dense table (4 bytes a pair, one array read a
 * lookup); beyond, in each owner's list sorted by the other side (8 bytes a listed pair, a
 * binary search a lookup). Dense tables of 70,000 × 70,000 empty lists asked for 4.9·10^9
 * entries, more than a typed array may hold.
 */
const DENSE_RANK_PAIRS = 16_000_000;

/** Ranks of the `others` each owner lists: `rank(owner, other)`, and the owner's listed others ascending. */
interface RankTable {
  rank(owner: number, other: number): number;
  listed(owner: number): Int32Array;
}

/**
 * Checks a {@link StableProblem} (indices in range, no repeats, capacities non-negative
 * integers) and builds rank lookups, so that "who is preferred" is one array read (or, on
 * problems too large for a dense table, a binary search in one list).
 *
 * @param densePairs owner × other pairs up to which a dense table is used (tests force the lists).
 * @throws CoachmatchError of kind `invalidProblem`, listing every problem with its JSON path.
 */
export function preferenceRanks(problem: StableProblem, densePairs = DENSE_RANK_PAIRS): PreferenceRanks {
  if (typeof problem !== 'object' || problem === null) throw new CoachmatchError('invalidProblem', 'Invalid stable matching problem', [{ path: '$', message: 'expected an object' }]);
  const { rows, cols } = problem;
  const issues: InputIssue[] = [];
  if (!Number.isSafeInteger(rows) || rows < 0) issues.push({ path: '$.rows', message: 'expected a non-negative integer' });
  if (!Number.isSafeInteger(cols) || cols < 0) issues.push({ path: '$.cols', message: 'expected a non-negative integer' });
  if (issues.length > 0) throw new CoachmatchError('invalidProblem', 'Invalid stable matching problem', issues);
  const rowTable = rankTable(problem.rowPrefs, 'rowPrefs', rows, cols, densePairs, issues);
  const colTable = rankTable(problem.colPrefs, 'colPrefs', cols, rows, densePairs, issues);
  const capacity = new Int32Array(cols).fill(1);
  if (problem.capacity !== undefined) {
    const given: unknown = problem.capacity;
    if (!Array.isArray(given)) issues.push({ path: '$.capacity', message: 'expected a list' });
    else {
      if (given.length !== cols) issues.push({ path: '$.capacity', message: `has ${given.length} entries for ${cols} columns` });
      // Every index, holes included: a hole is no capacity, not the default.
      for (let j = 0; j < given.length; j++) {
        const c: unknown = given[j];
        if (typeof c !== 'number' || !Number.isInteger(c) || c < 0 || c > 0x7fffffff) issues.push({ path: `$.capacity[${j}]`, message: 'expected an integer from 0 to 2147483647' });
        else if (j < cols) capacity[j] = c;
      }
    }
  }
  if (issues.length > 0) throw new CoachmatchError('invalidProblem', 'Invalid stable matching problem', issues.slice(0, 50));
  return { rowRank: rowTable.rank, colRank: colTable.rank, listedBy: rowTable.listed, capacity };
}

/** Checks each owner's list (entries in range, none twice) into `issues`, and builds its rank lookup. */
function rankTable(lists: StableProblem['rowPrefs'], name: string, owners: number, others: number, densePairs: number, issues: InputIssue[]): RankTable {
  if (!Array.isArray(lists)) {
    issues.push({ path: `$.${name}`, message: 'expected a list of lists' });
    lists = [];
  } else if (lists.length !== owners) issues.push({ path: `$.${name}`, message: `has ${lists.length} lists for ${owners} entries` });
  // A hole or a non-list where a list belongs is reported and read as an empty list.
  lists = Array.from(lists as ArrayLike<unknown>, (list, a) => {
    if (Array.isArray(list)) return list as readonly number[];
    if (a < owners) issues.push({ path: `$.${name}[${a}]`, message: 'expected a list' });
    return [];
  });
  const count = Math.min(owners, lists.length);
  // Per owner, a stretch of its valid entries sorted by the other side, with their ranks.
  const start = new Int32Array(owners + 1);
  for (let a = 0; a < owners; a++) start[a + 1] = start[a]! + (a < count ? lists[a]!.length : 0);
  const end = start.slice(0, owners);
  const other = new Int32Array(start[owners]!);
  const rankAt = new Int32Array(start[owners]!);
  for (let a = 0; a < count; a++) {
    const list = lists[a]!;
    // Problems by their place in the list, reported in list order as the entries are read.
    const bad: { rank: number; message: string }[] = [];
    const valid: number[] = [];
    // Every index, holes included (forEach would skip a hole without a word).
    for (let rank = 0; rank < list.length; rank++) {
      const b = list[rank];
      if (Number.isInteger(b) && b! >= 0 && b! < others) valid.push(rank);
      else bad.push({ rank, message: typeof b === 'number' ? `${b} is outside 0..${others - 1}` : `expected an index in 0..${others - 1}, got ${describeValue(b)}` });
    }
    valid.sort((x, y) => list[x]! - list[y]! || x - y);
    for (let q = 0; q < valid.length; q++) {
      const b = list[valid[q]!]!;
      // Of equal entries, the first in the list keeps its rank; the later ones are repeats.
      if (q > 0 && list[valid[q - 1]!] === b) {
        bad.push({ rank: valid[q]!, message: `${b} is listed twice` });
        continue;
      }
      other[end[a]!] = b;
      rankAt[end[a]!] = valid[q]!;
      end[a]!++;
    }
    for (const { rank, message } of bad.sort((x, y) => x.rank - y.rank)) issues.push({ path: `$.${name}[${a}][${rank}]`, message });
  }
  const listed = (a: number): Int32Array => other.subarray(start[a]!, end[a]!);
  if (owners * others <= densePairs) {
    const dense = new Int32Array(owners * others).fill(-1);
    for (let a = 0; a < owners; a++) for (let p = start[a]!; p < end[a]!; p++) dense[a * others + other[p]!] = rankAt[p]!;
    return { rank: (a, b) => dense[a * others + b]!, listed };
  }
  return {
    rank(a, b) {
      let lo = start[a]!;
      let hi = end[a]! - 1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        const v = other[mid]!;
        if (v === b) return rankAt[mid]!;
        if (v < b) lo = mid + 1;
        else hi = mid - 1;
      }
      return -1;
    },
    listed,
  };
}
