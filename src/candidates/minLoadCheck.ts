import { alternatingRegion } from '../solver/diagnose.js';
import { maxBMatching } from '../solver/maxBMatching.js';
import { addColumns } from './columnLists.js';
import { allowedBeyondCandidates } from './allowedAmong.js';
import type { MayWaive } from './reuseWeights.js';
import type { ExactWeights } from './selectCandidates.js';

/** What {@link checkMinLoads} found. */
export type MinLoadCheck =
  /** The candidates can give every coach its minimum load (the matching may still fail for another reason). */
  | { readonly outcome: 'met'; readonly evaluated: 0 }
  /** No matching of the full problem meets the minimum loads: `cols` can draw on too few coachees, `shortBy` short. */
  | { readonly outcome: 'proven'; readonly evaluated: number; readonly cols: number[]; readonly shortBy: number }
  /** Allowed pairs that could meet more of the minimum loads were found, and added to the candidates. */
  | { readonly outcome: 'widened'; readonly evaluated: number; readonly added: number }
  /** The pairs to evaluate exceed the budget: none is evaluated. */
  | { readonly outcome: 'overBudget'; readonly evaluated: number };

/** What {@link checkMinLoads} reads, and the candidate lists it widens. */
export interface MinLoadCheckInput {
  /** The allowed candidate pairs, by row (columns ascending). */
  readonly graph: { readonly rows: number; readonly cols: number; readonly rowStart: Int32Array; readonly colIndex: Int32Array };
  readonly minLoad: Int32Array;
  /** Per row, 0 when no coach with places may take it on any pair: it needs no look. */
  readonly placeable: Uint8Array;
  readonly candidates: Int32Array[];
  readonly exactWeights: ExactWeights;
  readonly mayWaive: MayWaive;
  readonly budget: number;
}

/**
 * Whether the full problem can meet every coach's minimum load, where the candidates cannot.
 * Each coach stands for as many places as its minimum, and a largest matching of those places
 * to coachees (each once) meets them all or not. When not, alternating paths from the places
 * left empty reach a region of coaches and of coachees, each of those held by one of its places.
 * If no allowed pair of the full problem joins a coach of the region to a coachee outside it,
 * the region's coachees are all its coaches can draw on, fewer than their minimums: 'proven'.
 * As in checkPlacement, the pairs that could say otherwise (coachees outside the region with
 * a coach of the region, not yet candidates) are evaluated (see allowedBeyondCandidates), and
 * the allowed ones added ('widened'). Together with checkPlacement this settles
 * whether the full problem is feasible: a matching that places every coachee and one that
 * meets every minimum make one that does both (Mendelsohn and Dulmage).
 */
export function checkMinLoads(input: MinLoadCheckInput): MinLoadCheck {
  const { graph, minLoad, placeable, candidates, exactWeights, mayWaive, budget } = input;
  const { rows, cols } = graph;
  // Per coach with a minimum, the coachees it may take on the candidates; then one row of
  // the places' problem per place of the minimum, each with its coach's coachees.
  const slotCol: number[] = [];
  for (let j = 0; j < cols; j++) for (let m = 0; m < minLoad[j]!; m++) slotCol.push(j);
  if (slotCol.length === 0) return { outcome: 'met', evaluated: 0 };
  const byCol = new Map<number, number[]>();
  for (const j of slotCol) byCol.set(j, []);
  for (let i = 0; i < rows; i++) for (let k = graph.rowStart[i]!; k < graph.rowStart[i + 1]!; k++) byCol.get(graph.colIndex[k]!)?.push(i);
  const slotStart = new Int32Array(slotCol.length + 1);
  slotCol.forEach((j, s) => (slotStart[s + 1] = slotStart[s]! + byCol.get(j)!.length));
  const slotRows = new Int32Array(slotStart[slotCol.length]!);
  slotCol.forEach((j, s) => slotRows.set(byCol.get(j)!, slotStart[s]!));
  const places = { rows: slotCol.length, cols: rows, rowStart: slotStart, colIndex: slotRows };
  const matching = maxBMatching({ ...places, capacity: new Int32Array(rows).fill(1) });
  if (matching.size === slotCol.length) return { outcome: 'met', evaluated: 0 };
  const region = alternatingRegion(places, matching.rowCol, matching.members.head, matching.members.next);
  // A place without a candidate coachee starts no path, but a pair left out may fill it.
  for (let s = 0; s < slotCol.length; s++) if (matching.rowCol[s]! < 0 && region.inRegion[s] === 0) region.inRegion[s] = 1;
  const regionCols = [...new Set(slotCol.filter((_, s) => region.inRegion[s] === 1))].sort((a, b) => a - b);
  // Coachees a place of the region holds are in it (colInRegion); any other may extend a path.
  const askRows: number[] = [];
  for (let i = 0; i < rows; i++) if (region.colInRegion[i] === 0 && placeable[i] === 1) askRows.push(i);
  const allowed = allowedBeyondCandidates(rows, cols, askRows, regionCols, candidates, mayWaive, exactWeights, budget);
  if (allowed === null) return { outcome: 'overBudget', evaluated: 0 };
  const { found, evaluated } = allowed;
  if (found.size > 0) return { outcome: 'widened', evaluated, added: addColumns(candidates, found) };
  return { outcome: 'proven', evaluated, cols: regionCols, shortBy: slotCol.length - matching.size };
}
