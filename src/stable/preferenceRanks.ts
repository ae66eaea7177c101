import { CoachmatchError, type InputIssue } from '../errors.js';
import type { StableProblem } from './stableProblem.js';

/** Rank tables of a checked {@link StableProblem}; -1 marks a pair the side does not list. */
export interface PreferenceRanks {
  /** `rowRank[i * cols + j]`: position of column j in row i's list. */
  readonly rowRank: Int32Array;
  /** `colRank[j * rows + i]`: position of row i in column j's list. */
  readonly colRank: Int32Array;
  readonly capacity: Int32Array;
}

/**
 * Checks a {@link StableProblem} (indices in range, no repeats, capacities non-negative
 * integers) and builds rank lookup tables, so that "who is preferred" is one array read.
 *
 * @throws CoachmatchError of kind `invalidProblem`, listing every problem with its JSON path.
 */
export function preferenceRanks(problem: StableProblem): PreferenceRanks {
  const { rows, cols } = problem;
  const issues: InputIssue[] = [];
  if (!Number.isSafeInteger(rows) || rows < 0) issues.push({ path: '$.rows', message: 'expected a non-negative integer' });
  if (!Number.isSafeInteger(cols) || cols < 0) issues.push({ path: '$.cols', message: 'expected a non-negative integer' });
  if (issues.length > 0) throw new CoachmatchError('invalidProblem', 'Invalid stable matching problem', issues);
  const rowRank = new Int32Array(rows * cols).fill(-1);
  const colRank = new Int32Array(rows * cols).fill(-1);
  const fill = (lists: StableProblem['rowPrefs'], name: string, owners: number, others: number, table: Int32Array) => {
    if (lists.length !== owners) issues.push({ path: `$.${name}`, message: `has ${lists.length} lists for ${owners} entries` });
    for (let a = 0; a < Math.min(owners, lists.length); a++) {
      const list = lists[a]!;
      list.forEach((b, rank) => {
        if (!Number.isInteger(b) || b < 0 || b >= others) issues.push({ path: `$.${name}[${a}][${rank}]`, message: `${b} is outside 0..${others - 1}` });
        else if (table[a * others + b]! >= 0) issues.push({ path: `$.${name}[${a}][${rank}]`, message: `${b} is listed twice` });
        else table[a * others + b] = rank;
      });
    }
  };
  fill(problem.rowPrefs, 'rowPrefs', rows, cols, rowRank);
  fill(problem.colPrefs, 'colPrefs', cols, rows, colRank);
  const capacity = new Int32Array(cols).fill(1);
  if (problem.capacity !== undefined) {
    if (problem.capacity.length !== cols) issues.push({ path: '$.capacity', message: `has ${problem.capacity.length} entries for ${cols} columns` });
    problem.capacity.forEach((c, j) => {
      if (!Number.isInteger(c) || c < 0 || c > 0x7fffffff) issues.push({ path: `$.capacity[${j}]`, message: 'expected a non-negative integer' });
      else if (j < cols) capacity[j] = c;
    });
  }
  if (issues.length > 0) throw new CoachmatchError('invalidProblem', 'Invalid stable matching problem', issues.slice(0, 50));
  return { rowRank, colRank, capacity };
}
