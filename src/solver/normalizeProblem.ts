import { CoachmatchError, type InputIssue } from '../errors.js';
import { describeValue } from '../text/describeValue.js';
import type { NormalizedProblem } from './normalizedProblem.js';
import type { AssignmentProblem, CompressedPairs, Sense } from './types.js';
import type { SolveWorkspace } from './solveWorkspace.js';

/** At most this many issues are collected before validation gives up listing more. */
const MAX_ISSUES = 50;

class IssueList {
  readonly items: InputIssue[] = [];
  add(path: string, message: string): void {
    if (this.items.length < MAX_ISSUES) this.items.push({ path, message });
  }
  get full(): boolean {
    return this.items.length >= MAX_ISSUES;
  }
}

/**
 * Checks a caller's problem and converts it into the solver's internal form.
 *
 * @throws CoachmatchError of kind `invalidProblem`, listing every problem with its JSON path.
 */
export function normalizeProblem(problem: AssignmentProblem, workspace?: SolveWorkspace): NormalizedProblem {
  const issues = new IssueList();
  if (typeof problem !== 'object' || problem === null) {
    throw new CoachmatchError('invalidProblem', 'Invalid assignment problem', [
      { path: '$', message: 'expected an object' },
    ]);
  }
  // A misspelt field (`capcity`) must not fall back to its default unseen: the CLI's schema refuses it too.
  for (const key of Object.keys(problem)) {
    if (!PROBLEM_FIELDS.has(key)) issues.add(`$.${key}`, `unknown field; the fields are ${[...PROBLEM_FIELDS].join(', ')}`);
  }
  const sense = readSense(problem.sense, issues);
  const shape = problem.weights !== undefined ? denseShape(problem, issues) : sparseShape(problem, issues);
  if (shape === null) fail(issues);
  const { rows, cols } = shape;
  const capacity = readLoads(problem.capacity, 'capacity', cols, 1, issues);
  const minLoad = readLoads(problem.minLoad, 'minLoad', cols, 0, issues);
  for (let j = 0; j < cols && !issues.full; j++) {
    if (minLoad[j]! > capacity[j]!) {
      issues.add(`$.minLoad[${j}]`, `minimum load ${minLoad[j]} exceeds capacity ${capacity[j]}`);
    }
  }
  if (problem.allowUnmatched !== undefined && typeof problem.allowUnmatched !== 'boolean') {
    issues.add('$.allowUnmatched', 'expected true or false');
  }
  let built: Built | null;
  // Compressed rows come with their magnitudes, found as they are checked; other forms are read again for them.
  let magnitude: Magnitude | null = null;
  if (problem.weights !== undefined) built = fromDense(problem.weights, rows, cols, sense, issues);
  else if (problem.compressed !== undefined) {
    const read = fromCompressed(problem.compressed, rows, cols, sense, issues, workspace);
    built = read?.built ?? null;
    magnitude = read?.magnitude ?? null;
  } else built = fromEdges(problem.edges ?? [], rows, cols, sense, issues);
  if (issues.items.length > 0 || built === null) fail(issues);
  const { bound, largest } = magnitude ?? magnitudes(built, rows, cols);
  if (!Number.isFinite(bound * 4)) {
    throw new CoachmatchError('invalidProblem', 'Invalid assignment problem', [
      { path: problem.weights !== undefined ? '$.weights' : problem.compressed !== undefined ? '$.compressed.weight' : '$.edges', message: 'weights so large that the solver\'s sums (up to 4 × the sum of each row\'s largest |weight|) would overflow to infinity; scale them down' },
    ]);
  }
  // Keep the getters of a dense problem's lazy sparse view: no object spread here.
  return Object.defineProperties(built, {
    rows: { value: rows, enumerable: true },
    cols: { value: cols, enumerable: true },
    sense: { value: sense, enumerable: true },
    capacity: { value: capacity, enumerable: true },
    minLoad: { value: minLoad, enumerable: true },
    allowUnmatched: { value: problem.allowUnmatched === true, enumerable: true },
    largestCost: { value: largest, enumerable: true },
  }) as NormalizedProblem;
}

/**
 * Σ over rows of the row's largest |weight| (no assignment's total can overflow while 4 times
 * it is finite), and the largest |weight| of all. Reads the dense costs of a dense problem, so
 * its lazy sparse view stays unbuilt.
 */
function magnitudes(built: Built, rows: number, cols: number): Magnitude {
  const dense = built.denseCost;
  let bound = 0;
  let overall = 0;
  for (let i = 0; i < rows; i++) {
    let largest = 0;
    if (dense !== null) {
      for (let k = i * cols; k < (i + 1) * cols; k++) {
        const c = dense[k]!;
        if (c !== Infinity && Math.abs(c) > largest) largest = Math.abs(c);
      }
    } else {
      for (let k = built.rowStart[i]!; k < built.rowStart[i + 1]!; k++) largest = Math.max(largest, Math.abs(built.cost[k]!));
    }
    bound += largest;
    overall = Math.max(overall, largest);
  }
  return { bound, largest: overall };
}

function fail(issues: IssueList): never {
  throw new CoachmatchError('invalidProblem', 'Invalid assignment problem', issues.items);
}

const PROBLEM_FIELDS: ReadonlySet<string> = new Set(['weights', 'rows', 'cols', 'edges', 'compressed', 'sense', 'capacity', 'minLoad', 'allowUnmatched']);

function readSense(sense: unknown, issues: IssueList): Sense {
  if (sense === undefined || sense === 'max') return 'max';
  if (sense === 'min') return 'min';
  issues.add('$.sense', `expected "max" or "min", got ${describeValue(sense)}`);
  return 'max';
}

/**
 * Largest row or column count accepted. The answer alone holds a number per row and per column,
 * and the solver a dozen arrays of each: 10^8 rows and columns named in a 47-byte problem file
 * ran the process out of memory after 95 s. At 10^7 rows and 10^7 columns without a pair the
 * answer (a diagnosis) took 7.7 s and 0.7 GB; 100 times the 100,000 coachees of the largest
 * cohorts we bench.
 */
export const MAX_DIMENSION = 10_000_000;

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

function denseShape(problem: AssignmentProblem, issues: IssueList): { rows: number; cols: number } | null {
  const weights: unknown = problem.weights;
  if (problem.edges !== undefined) issues.add('$.edges', 'give either weights or edges, not both');
  if (problem.compressed !== undefined) issues.add('$.compressed', 'give either weights or compressed, not both');
  if (!Array.isArray(weights)) {
    issues.add('$.weights', 'expected an array of rows');
    return null;
  }
  const first: unknown = weights[0];
  const cols = weights.length === 0 ? (isCount(problem.cols) && problem.cols <= MAX_DIMENSION ? problem.cols : 0) : isRow(first) ? first.length : -1;
  if (cols < 0) {
    issues.add('$.weights[0]', 'expected an array of weights');
    return null;
  }
  if (problem.rows !== undefined && problem.rows !== weights.length) {
    issues.add('$.rows', `says ${describeValue(problem.rows)} but weights has ${weights.length} rows`);
  }
  if (problem.cols !== undefined && problem.cols !== cols) {
    issues.add('$.cols', `says ${describeValue(problem.cols)} but weights has ${cols} columns`);
  }
  return { rows: weights.length, cols };
}

function isRow(value: unknown): value is ArrayLike<unknown> {
  // A typed array, not any view: a DataView has no length, so its columns read as undefined.
  return Array.isArray(value) || (ArrayBuffer.isView(value) && !(value instanceof DataView));
}

function sparseShape(problem: AssignmentProblem, issues: IssueList): { rows: number; cols: number } | null {
  if (!isCount(problem.rows)) issues.add('$.rows', `expected a non-negative integer, got ${describeValue(problem.rows)}`);
  else if (problem.rows > MAX_DIMENSION) issues.add('$.rows', `${problem.rows} rows is more than the ${MAX_DIMENSION} supported`);
  if (!isCount(problem.cols)) issues.add('$.cols', `expected a non-negative integer, got ${describeValue(problem.cols)}`);
  else if (problem.cols > MAX_DIMENSION) issues.add('$.cols', `${problem.cols} columns is more than the ${MAX_DIMENSION} supported`);
  if (problem.edges !== undefined && !Array.isArray(problem.edges)) issues.add('$.edges', 'expected an array of [row, col, weight]');
  if (problem.edges !== undefined && problem.compressed !== undefined) issues.add('$.compressed', 'give either edges or compressed, not both');
  if (issues.items.length > 0) return null;
  return { rows: problem.rows!, cols: problem.cols! };
}

function readLoads(
  values: ReadonlyArray<number> | undefined,
  name: string,
  cols: number,
  fallback: number,
  issues: IssueList,
): Int32Array {
  const out = new Int32Array(cols).fill(fallback);
  if (values === undefined) return out;
  if (!Array.isArray(values) && !ArrayBuffer.isView(values)) {
    issues.add(`$.${name}`, 'expected an array with one entry per column');
    return out;
  }
  if (values.length !== cols) issues.add(`$.${name}`, `has ${values.length} entries for ${cols} columns`);
  for (let j = 0; j < Math.min(cols, values.length) && !issues.full; j++) {
    const v: unknown = values[j];
    if (typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= 0x7fffffff) out[j] = v;
    else issues.add(`$.${name}[${j}]`, `expected a non-negative integer, got ${describeValue(v)}`);
  }
  return out;
}

/** See {@link magnitudes}. */
interface Magnitude {
  readonly bound: number;
  readonly largest: number;
}

type Built = Pick<NormalizedProblem, 'rowStart' | 'colIndex' | 'weight' | 'cost' | 'denseCost'>;

function fromDense(
  weights: ReadonlyArray<ReadonlyArray<number | null>>,
  rows: number,
  cols: number,
  sense: Sense,
  issues: IssueList,
): Built | null {
  const sign = sense === 'max' ? -1 : 1;
  const denseCost = new Float64Array(rows * cols);
  let allowed = 0;
  for (let i = 0; i < rows; i++) {
    const row: unknown = weights[i];
    if (!isRow(row)) {
      issues.add(`$.weights[${i}]`, 'expected an array of weights');
      continue;
    }
    if (row.length !== cols) {
      issues.add(`$.weights[${i}]`, `has ${row.length} entries, row 0 has ${cols} (ragged matrix)`);
      continue;
    }
    const base = i * cols;
    for (let j = 0; j < cols; j++) {
      const w = row[j];
      // Only null forbids a pair: a NaN or an infinity is far more often a computation gone
      // wrong than a choice, and the edge forms refuse them too.
      if (typeof w === 'number' && Number.isFinite(w)) {
        denseCost[base + j] = sign * w;
        allowed++;
      } else if (w === null) denseCost[base + j] = Infinity;
      else if (!issues.full) issues.add(`$.weights[${i}][${j}]`, `expected a finite number or null (null forbids the pair), got ${describeValue(w)}`);
    }
  }
  if (issues.items.length > 0) return null;
  // The sparse view is built only if an algorithm asks for it: the dense solver never does.
  let csr: Csr | null = null;
  const sparse = (): Csr => (csr ??= denseToCsr(denseCost, rows, cols, allowed, sign));
  return {
    denseCost,
    get rowStart() { return sparse().rowStart; },
    get colIndex() { return sparse().colIndex; },
    get cost() { return sparse().cost; },
    get weight() { return sparse().weight; },
  };
}

type Csr = Pick<NormalizedProblem, 'rowStart' | 'colIndex' | 'weight' | 'cost'>;

function denseToCsr(denseCost: Float64Array, rows: number, cols: number, allowed: number, sign: number): Csr {
  const rowStart = new Int32Array(rows + 1);
  const colIndex = new Int32Array(allowed);
  const cost = new Float64Array(allowed);
  const weight = new Float64Array(allowed);
  let k = 0;
  for (let i = 0; i < rows; i++) {
    rowStart[i] = k;
    const base = i * cols;
    for (let j = 0; j < cols; j++) {
      const c = denseCost[base + j]!;
      if (c === Infinity) continue;
      colIndex[k] = j;
      cost[k] = c;
      weight[k] = sign * c;
      k++;
    }
  }
  rowStart[rows] = k;
  return { rowStart, colIndex, cost, weight };
}

function fromEdges(
  edges: ReadonlyArray<readonly [number, number, number]>,
  rows: number,
  cols: number,
  sense: Sense,
  issues: IssueList,
): Built | null {
  const sign = sense === 'max' ? -1 : 1;
  const count = new Int32Array(rows + 1);
  for (let e = 0; e < edges.length; e++) {
    const edge: unknown = edges[e];
    if (!Array.isArray(edge) || edge.length !== 3) {
      issues.add(`$.edges[${e}]`, 'expected [row, col, weight]');
      continue;
    }
    const [r, c, w] = edge as [unknown, unknown, unknown];
    if (!(typeof r === 'number' && Number.isInteger(r) && r >= 0 && r < rows)) {
      issues.add(`$.edges[${e}][0]`, `row ${describeValue(r)} is outside 0..${rows - 1}`);
    } else if (!(typeof c === 'number' && Number.isInteger(c) && c >= 0 && c < cols)) {
      issues.add(`$.edges[${e}][1]`, `column ${describeValue(c)} is outside 0..${cols - 1}`);
    } else if (!(typeof w === 'number' && Number.isFinite(w))) {
      issues.add(`$.edges[${e}][2]`, `expected a finite number, got ${describeValue(w)}`);
    } else count[r + 1]!++;
    if (issues.full) return null;
  }
  if (issues.items.length > 0) return null;
  const rowStart = new Int32Array(rows + 1);
  for (let i = 0; i < rows; i++) rowStart[i + 1] = rowStart[i]! + count[i + 1]!;
  const fill = rowStart.slice(0, rows);
  const colIndex = new Int32Array(edges.length);
  const weight = new Float64Array(edges.length);
  const origin = new Int32Array(edges.length);
  edges.forEach(([r, c, w], e) => {
    const at = fill[r]!++;
    colIndex[at] = c;
    weight[at] = w;
    origin[at] = e;
  });
  sortRowsByColumn(rowStart, colIndex, weight, origin, rows, issues);
  if (issues.items.length > 0) return null;
  const cost = new Float64Array(weight.length);
  for (let k = 0; k < weight.length; k++) cost[k] = sign * weight[k]!;
  return { rowStart, colIndex, cost, weight, denseCost: null };
}

/** Checks compressed rows (columns strictly ascending within a row) and adopts them without copying the columns; finds their magnitudes on the way. */
function fromCompressed(pairs: CompressedPairs, rows: number, cols: number, sense: Sense, issues: IssueList, workspace?: SolveWorkspace): { built: Built; magnitude: Magnitude } | null {
  const { rowStart, colIndex, weight } = (typeof pairs === 'object' && pairs !== null ? pairs : {}) as Partial<CompressedPairs>;
  if (!(rowStart instanceof Int32Array) || !(colIndex instanceof Int32Array) || !(weight instanceof Float64Array)) {
    issues.add('$.compressed', 'expected { rowStart: Int32Array, colIndex: Int32Array, weight: Float64Array }');
    return null;
  }
  if (rowStart.length !== rows + 1) issues.add('$.compressed.rowStart', `has ${rowStart.length} entries for ${rows} rows (expected rows + 1)`);
  else if (rowStart[0] !== 0 || rowStart[rows] !== colIndex.length) issues.add('$.compressed.rowStart', `must run from 0 to ${colIndex.length} (the number of pairs)`);
  if (weight.length !== colIndex.length) issues.add('$.compressed.weight', `has ${weight.length} entries for ${colIndex.length} pairs`);
  if (issues.items.length > 0) return null;
  // Row starts first: a start past the pairs would otherwise read beyond the arrays.
  for (let i = 0; i < rows && !issues.full; i++) {
    const start = rowStart[i]!;
    const end = rowStart[i + 1]!;
    if (end < start || end > colIndex.length) {
      issues.add(`$.compressed.rowStart[${i + 1}]`, end < start ? `row ${i} ends (${end}) before it starts (${start})` : `${end} is past the ${colIndex.length} pairs`);
    }
  }
  if (issues.items.length > 0) return null;
  // The magnitudes on the way (see magnitudes): one pass over the pairs, not two more (a coach's
  // places solved as rows are 24.6 million pairs at 100,000 × 10,000, built every round).
  let bound = 0;
  let overall = 0;
  for (let i = 0; i < rows && !issues.full; i++) {
    const start = rowStart[i]!;
    const end = rowStart[i + 1]!;
    let largest = 0;
    for (let k = start; k < end && !issues.full; k++) {
      const c = colIndex[k]!;
      const w = weight[k]!;
      if (c < 0 || c >= cols) issues.add(`$.compressed.colIndex[${k}]`, `column ${c} is outside 0..${cols - 1}`);
      else if (k > start && colIndex[k - 1]! >= c) issues.add(`$.compressed.colIndex[${k}]`, `columns of row ${i} must ascend strictly (${colIndex[k - 1]} then ${c})`);
      if (!Number.isFinite(w)) issues.add(`$.compressed.weight[${k}]`, `expected a finite number, got ${w}`);
      else if (Math.abs(w) > largest) largest = Math.abs(w);
    }
    bound += largest;
    if (largest > overall) overall = largest;
  }
  if (issues.items.length > 0) return null;
  const magnitude = { bound, largest: overall };
  // Costs to minimise are the weights themselves: the solvers only read them, and a problem
  // built to be solved (a coach's places, see solveByPlaces) is not held twice.
  if (sense === 'min') return { built: { rowStart, colIndex, cost: weight, weight, denseCost: null }, magnitude };
  const cost = workspace?.cost.take(weight.length) ?? new Float64Array(weight.length);
  for (let k = 0; k < weight.length; k++) cost[k] = -weight[k]!;
  return { built: { rowStart, colIndex, cost, weight, denseCost: null }, magnitude };
}

/** Sorts each row's pairs by column and rejects duplicates. */
function sortRowsByColumn(
  rowStart: Int32Array,
  colIndex: Int32Array,
  weight: Float64Array,
  origin: Int32Array,
  rows: number,
  issues: IssueList,
): void {
  for (let i = 0; i < rows; i++) {
    const start = rowStart[i]!;
    const end = rowStart[i + 1]!;
    let sorted = true;
    for (let a = start + 1; a < end && sorted; a++) sorted = colIndex[a - 1]! < colIndex[a]!;
    if (!sorted) {
      const order = Array.from({ length: end - start }, (_, k) => start + k).sort((a, b) => colIndex[a]! - colIndex[b]!);
      const cols = order.map((k) => colIndex[k]!);
      const ws = order.map((k) => weight[k]!);
      const from = order.map((k) => origin[k]!);
      colIndex.set(cols, start);
      weight.set(ws, start);
      origin.set(from, start);
    }
    for (let a = start + 1; a < end; a++) {
      if (colIndex[a] === colIndex[a - 1]) {
        issues.add(`$.edges[${Math.max(origin[a]!, origin[a - 1]!)}]`, `pair (${i}, ${colIndex[a]}) is given more than once (also at $.edges[${Math.min(origin[a]!, origin[a - 1]!)}])`);
      }
    }
  }
}

