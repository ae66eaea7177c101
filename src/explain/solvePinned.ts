import { solveAssignment } from '../solver/solveAssignment.js';
import type { AssignmentProblem, AssignmentResult, Diagnosis, SolverMethod, WarmStart } from '../solver/types.js';
import { CoachmatchError } from '../errors.js';

/** A pair that must be in the assignment: row (coachee) index and column (coach) index. */
export interface Pin {
  readonly row: number;
  readonly col: number;
}

/** Why a set of pins cannot all hold, naming the pins (indices into the pin list). */
export type PinConflict =
  | { readonly kind: 'banned'; readonly pins: readonly number[] }
  | { readonly kind: 'twoColumns'; readonly pins: readonly number[] }
  | { readonly kind: 'overCapacity'; readonly col: number; readonly capacity: number; readonly pins: readonly number[] };

/** Outcome of {@link solvePinned}: the solve with pins held, or the conflicts among the pins. */
export type PinnedResult =
  | { readonly status: 'pinConflict'; readonly conflicts: readonly PinConflict[] }
  | AssignmentResult;

/**
 * Solves an assignment problem, dense or in compressed rows, with some pairs held fixed (pinned), exactly.
 *
 * @remarks
 * Pinned rows are taken out and their columns lose the places they hold (capacity and
 * minimum load), the rest is solved as usual and the two are merged. So with
 * `allowUnmatched` the rest is still matched as fully as possible, and a pin is never dropped
 * in favour of cardinality (as a row restricted to one column could be). A pin on a forbidden
 * pair, two pins for one row, or more pins on a column than its capacity are conflicts,
 * returned as a value naming the pins. The duals of a pinned row are made tight on its pin
 * (`row = w − col`); with its other pairs forbidden they certify the pinned optimum.
 * `warmStart`, a solution of the problem without the pins (its assignment and column duals),
 * is handed to the solve of the rest: a pin or two moves little, so the flow solver repairs
 * that solution instead of starting afresh. The result is exact either way.
 *
 * @example
 * ```ts
 * solvePinned({ weights: [[5, 1], [4, 3]] }, [{ row: 0, col: 1 }]); // assignment [1, 0], objective 5
 * ```
 */
export function solvePinned(
  problem: AssignmentProblem,
  pins: readonly Pin[],
  method: SolverMethod = 'auto',
  warmStart?: WarmStart,
): PinnedResult {
  const start = (rows: readonly number[] | null) =>
    warmStart === undefined ? {} : { warmStart: rows === null ? warmStart : { assignment: rows.map((i) => warmStart.assignment[i] ?? null), colDual: warmStart.colDual } };
  const source = pinnedRowsOf(problem);
  if (pins.length === 0) return solveAssignment(problem, { method, ...start(null) });
  const { rows, cols } = source;
  const capacity = problem.capacity ?? new Array<number>(cols).fill(1);
  const minLoad = problem.minLoad ?? new Array<number>(cols).fill(0);
  const conflicts = pinConflicts(source.weightAt, capacity, pins);
  if (conflicts.length > 0) return { status: 'pinConflict', conflicts };

  const pinnedCol = new Int32Array(rows).fill(-1);
  const pinnedLoad = new Int32Array(cols);
  const unique: Pin[] = [];
  for (const pin of pins) {
    if (pinnedCol[pin.row]! >= 0) continue;
    pinnedCol[pin.row] = pin.col;
    pinnedLoad[pin.col]!++;
    unique.push(pin);
  }
  const restRows: number[] = [];
  for (let i = 0; i < rows; i++) if (pinnedCol[i]! < 0) restRows.push(i);
  const rest = solveAssignment(
    {
      ...source.rowsOnly(restRows),
      cols,
      sense: problem.sense ?? 'max',
      capacity: capacity.map((c, j) => c - pinnedLoad[j]!),
      minLoad: minLoad.map((m, j) => Math.max(0, m - pinnedLoad[j]!)),
      allowUnmatched: problem.allowUnmatched === true,
    },
    { method, ...start(restRows) },
  );
  const assignment = new Array<number | null>(rows).fill(null);
  restRows.forEach((i, r) => (assignment[i] = rest.assignment[r] ?? null));
  for (const { row, col } of unique) assignment[row] = col;
  const loads = rest.loads.map((l, j) => l + pinnedLoad[j]!);
  const matched = rest.matched + unique.length;
  if (rest.status === 'infeasible') {
    const diagnosis = rest.diagnosis.map((d) => remapDiagnosis(d, restRows));
    return { ...rest, assignment, loads, matched, diagnosis };
  }
  let pinnedTotal = 0;
  const rowDual = new Array<number>(rows).fill(0);
  restRows.forEach((i, r) => (rowDual[i] = rest.duals.row[r]!));
  for (const { row, col } of unique) {
    const w = source.weightAt(row, col)!;
    pinnedTotal += w;
    rowDual[row] = w - rest.duals.col[col]!;
  }
  return { ...rest, objective: rest.objective + pinnedTotal, assignment, loads, matched, duals: { row: rowDual, col: rest.duals.col } };
}

/** What solvePinned reads of a problem, dense or in compressed rows: its size, a pair's weight (null when forbidden), and the problem of some of its rows. */
interface PinnedRows {
  readonly rows: number;
  readonly cols: number;
  weightAt(row: number, col: number): number | null;
  rowsOnly(rows: readonly number[]): Pick<AssignmentProblem, 'weights'> | Pick<AssignmentProblem, 'rows' | 'compressed'>;
}

function pinnedRowsOf(problem: AssignmentProblem): PinnedRows {
  const { weights, compressed } = problem;
  if (weights !== undefined) {
    return {
      rows: weights.length,
      cols: problem.cols ?? weights[0]?.length ?? 0,
      weightAt: (row, col) => {
        const w = weights[row]?.[col];
        return w === null || w === undefined || !Number.isFinite(w) ? null : w;
      },
      rowsOnly: (rows) => ({ weights: rows.map((i) => weights[i]!) }),
    };
  }
  if (compressed === undefined || problem.rows === undefined || problem.cols === undefined) {
    throw new CoachmatchError('invalidArgument', 'solvePinned needs a dense problem (weights) or compressed rows with rows and cols');
  }
  const { rowStart, colIndex, weight } = compressed;
  return {
    rows: problem.rows,
    cols: problem.cols,
    weightAt: (row, col) => {
      // A row's columns ascend (solveAssignment checks them): a short scan finds the pair.
      for (let k = rowStart[row] ?? 0, end = rowStart[row + 1] ?? 0; k < end; k++) if (colIndex[k] === col) return weight[k]!;
      return null;
    },
    rowsOnly: (rows) => {
      const starts = new Int32Array(rows.length + 1);
      rows.forEach((i, r) => (starts[r + 1] = starts[r]! + rowStart[i + 1]! - rowStart[i]!));
      const columns = new Int32Array(starts[rows.length]!);
      const values = new Float64Array(columns.length);
      // Element by element: two subarray views per row cost more than explain's short rows.
      rows.forEach((i, r) => {
        for (let k = rowStart[i]!, at = starts[r]!; k < rowStart[i + 1]!; k++, at++) {
          columns[at] = colIndex[k]!;
          values[at] = weight[k]!;
        }
      });
      return { rows: rows.length, compressed: { rowStart: starts, colIndex: columns, weight: values } };
    },
  };
}

function pinConflicts(
  weightAt: PinnedRows['weightAt'],
  capacity: readonly number[],
  pins: readonly Pin[],
): PinConflict[] {
  const conflicts: PinConflict[] = [];
  const banned: number[] = [];
  const byRow = new Map<number, number[]>();
  const byCol = new Map<number, number[]>();
  pins.forEach(({ row, col }, p) => {
    if (weightAt(row, col) === null) banned.push(p);
    byRow.set(row, [...(byRow.get(row) ?? []), p]);
    byCol.set(col, [...(byCol.get(col) ?? []), p]);
  });
  if (banned.length > 0) conflicts.push({ kind: 'banned', pins: banned });
  for (const list of byRow.values()) {
    // Two pins of one row on the same column are one pin written twice, not a conflict.
    if (new Set(list.map((p) => pins[p]!.col)).size > 1) conflicts.push({ kind: 'twoColumns', pins: list });
  }
  for (const [col, list] of [...byCol].sort((a, b) => a[0] - b[0])) {
    const distinctRows = new Set(list.map((p) => pins[p]!.row)).size;
    if (distinctRows > (capacity[col] ?? 1)) conflicts.push({ kind: 'overCapacity', col, capacity: capacity[col] ?? 1, pins: list });
  }
  return conflicts;
}

function remapDiagnosis(d: Diagnosis, restRows: readonly number[]): Diagnosis {
  const map = (rows: readonly number[]) => rows.map((r) => restRows[r]!);
  switch (d.kind) {
    case 'rowWithoutCandidates':
      return { ...d, rows: map(d.rows) };
    case 'competingRows':
      return { ...d, rows: map(d.rows) };
    default:
      return d;
  }
}
