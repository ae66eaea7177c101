import { ColumnMembers } from '../solver/columnMembers.js';
import { alternatingRegion } from '../solver/diagnose.js';
import { addColumns } from './columnLists.js';
import { allowedBeyondCandidates } from './allowedAmong.js';
import type { MayWaive } from './reuseWeights.js';
import type { ExactWeights } from './selectCandidates.js';

/** What {@link checkPlacement} found. */
export type PlacementCheck =
  /** No coachee can be placed beyond the matching's: `region` can use only its own coaches, which are full, on every pair. */
  | { readonly outcome: 'proven'; readonly evaluated: number; readonly region: { readonly rows: number[]; readonly cols: number[] } }
  /** Pairs that lead out of the region were found allowed, and added to the candidates. */
  | { readonly outcome: 'widened'; readonly evaluated: number; readonly added: number }
  /** The matching given is not a largest one on the candidates (a coach in the region has room). */
  | { readonly outcome: 'notMaximum'; readonly evaluated: number }
  /** The pairs to evaluate exceed the budget: none is evaluated. */
  | { readonly outcome: 'overBudget'; readonly evaluated: number };

/** What {@link checkPlacement} reads, and the candidate lists it widens. */
export interface PlacementCheckInput {
  /** The allowed candidate pairs, by row (columns ascending). */
  readonly graph: { readonly rows: number; readonly cols: number; readonly rowStart: Int32Array; readonly colIndex: Int32Array };
  /** A largest matching on `graph`: each row's column, or null. */
  readonly assignment: readonly (number | null)[];
  readonly capacity: Int32Array;
  /** Per row, 0 when no coach with places may take it on any pair (see placeableRows in placementBounds.ts): it needs no look. */
  readonly placeable: Uint8Array;
  /** Per row, its candidate columns (ascending); rows that gain pairs get new lists. */
  readonly candidates: Int32Array[];
  readonly exactWeights: ExactWeights;
  readonly mayWaive: MayWaive;
  /** Pairs it may evaluate at most. */
  readonly budget: number;
}

/**
 * Whether the full problem can place more coachees than a largest matching on the candidates,
 * by König's argument. From the unplaced coachees, alternating paths reach a region of
 * coachees and coaches; every coach in it is full. If no allowed pair of the full problem joins
 * a coachee of the region to an open coach outside it, the region's coachees compete for the
 * region's places alone, and no matching of the full problem places more: 'proven'. Bounds
 * cannot tell, since bans that depend on the pair (a hard minimum difference) are only found
 * by evaluating it; so the region's pairs to open coaches outside it that are not candidates
 * are evaluated (see allowedBeyondCandidates). The allowed ones are added to the candidates
 * ('widened'): each extends an alternating path, to a coach with room or into a bigger region.
 * An unplaced row without a candidate pair belongs to the region too, alone.
 */
export function checkPlacement(input: PlacementCheckInput): PlacementCheck {
  const { graph, assignment, capacity, placeable, candidates, exactWeights, mayWaive, budget } = input;
  const { rows, cols } = graph;
  const members = new ColumnMembers(rows, cols);
  const rowCol = new Int32Array(rows).fill(-1);
  assignment.forEach((j, i) => {
    if (j === null) return;
    rowCol[i] = j;
    members.add(j, i);
  });
  const region = alternatingRegion(graph, rowCol, members.head, members.next);
  for (let j = 0; j < cols; j++) if (region.colInRegion[j] === 1 && members.load[j]! < capacity[j]!) return { outcome: 'notMaximum', evaluated: 0 };
  const outside: number[] = [];
  for (let j = 0; j < cols; j++) if (capacity[j]! > 0 && region.colInRegion[j] === 0) outside.push(j);
  // Unplaced rows without a candidate pair start no path, but a pair left out may place them.
  for (let i = 0; i < rows; i++) if (rowCol[i]! < 0 && region.inRegion[i] === 0 && placeable[i] === 1) region.rows.push(i);
  const regionRows = region.rows.sort((a, b) => a - b);
  const askRows = regionRows.filter((row) => placeable[row] === 1);
  const allowed = allowedBeyondCandidates(rows, cols, askRows, outside, candidates, mayWaive, exactWeights, budget);
  if (allowed === null) return { outcome: 'overBudget', evaluated: 0 };
  const { found: escapes, evaluated } = allowed;
  if (escapes.size > 0) return { outcome: 'widened', evaluated, added: addColumns(candidates, escapes) };
  const regionCols: number[] = [];
  for (let j = 0; j < cols; j++) if (region.colInRegion[j] === 1) regionCols.push(j);
  return { outcome: 'proven', evaluated, region: { rows: regionRows, cols: regionCols } };
}
