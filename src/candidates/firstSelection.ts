import { CoachmatchError } from '../errors.js';
import type { PairRoom } from '../memory/roundBuffers.js';
import type { CandidateContext } from './candidateContext.js';
import type { CandidateHelper } from './candidateHelper.js';
import { RangeCertifier, type Certifier } from './certifier.js';
import { unpackCandidates } from './packedSelection.js';
import { weighedBySelection, type MayWaive, type WeighedPairs } from './reuseWeights.js';
import { RowBlocks } from './rowBlocks.js';
import { selectCandidates, selectionChunkRows, selectRanges } from './selectCandidates.js';
import { SharedCertifier } from './sharedCertifier.js';
import { joinTopBounds } from './topBounds.js';

/**
 * The first selection, rows shared with the helper when there is one: this thread takes blocks
 * of rows from the front, the helper from the back, until none is left (see RowBlocks), so a
 * helper that starts late or runs slow does fewer; this thread selects what a stalled helper
 * left. The weights it gave its choices (see {@link weighedBySelection}), and who certifies
 * which rows from then on: each thread the rows it selected.
 */
export function firstSelection(
  context: CandidateContext,
  k: number,
  helper: CandidateHelper | null,
  mayWaive: MayWaive,
  room: PairRoom,
): { candidates: Int32Array[]; certifier: Certifier; weighed: WeighedPairs } {
  const { cols } = context;
  const { candidates, certifier, weights, evaluated } = selectRows(context, k, helper);
  // The per-row weight arrays go out of scope here, not held (and marked by every collection) to the end.
  return { candidates, certifier, weighed: weighedBySelection(candidates, weights, evaluated, cols, mayWaive, room) };
}

/** {@link firstSelection}'s rows, certifier, and per-row weights and evaluated counts. */
function selectRows(
  context: CandidateContext,
  k: number,
  helper: CandidateHelper | null,
): { candidates: Int32Array[]; certifier: Certifier; weights: Float64Array[]; evaluated: Int32Array } {
  const { rows, bounds, exactWeights } = context;
  if (helper === null) {
    const { candidates, top, weights, evaluated } = selectCandidates(bounds, k, exactWeights);
    return { candidates, certifier: new RangeCertifier(bounds, exactWeights, top), weights, evaluated };
  }
  const blocks = new RowBlocks(rows, selectionChunkRows(k));
  helper.requestSelection(blocks, k);
  const { selection: mine, to: split } = selectRanges(bounds, k, exactWeights, blocks.fromFront());
  const answer = helper.selection();
  if (answer === null) {
    // Stalled (and stopped): the rows it left are selected here, and every row is certified here.
    const theirs = selectCandidates(bounds, k, exactWeights, split, rows);
    const certifier = new RangeCertifier(bounds, exactWeights, joinTopBounds(mine.top, theirs.top));
    return { candidates: [...mine.candidates, ...theirs.candidates], certifier, weights: [...mine.weights, ...theirs.weights], evaluated: joinCounts(mine.evaluated, theirs.evaluated) };
  }
  const { packed, from } = answer;
  if (from !== split || packed.rowStart.length - 1 !== rows - split) {
    throw new CoachmatchError('internal', `the helper selected ${packed.rowStart.length - 1} rows from row ${from}, this thread rows 0 to ${split} of ${rows}`);
  }
  const theirs = unpackCandidates(packed);
  const theirWeights = theirs.map((_, q) => packed.weights.subarray(packed.rowStart[q]!, packed.rowStart[q + 1]!));
  return {
    candidates: [...mine.candidates, ...theirs],
    certifier: new SharedCertifier(bounds, exactWeights, helper, mine.top, split),
    weights: [...mine.weights, ...theirWeights],
    evaluated: joinCounts(mine.evaluated, packed.evaluated),
  };
}

function joinCounts(a: Int32Array, b: Int32Array): Int32Array {
  const out = new Int32Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}
