import { sparsePairSet, type PairSet } from '../features/pairSet.js';
import type { PolicySettings } from '../model/policySettings.js';
import type { AssignmentResult } from '../solver/types.js';
import { assembleMatching } from '../engine/assembleMatching.js';
import type { Matching } from '../engine/matching.js';
import type { EvaluatedPairs } from './evaluatePairs.js';
import { unmatchedBans } from './unmatchedBans.js';
import { withWaiverFlags } from './waiverFlags.js';

/** What {@link explainAssigned} needs besides the result. */
export interface ExplainInput {
  readonly evaluate: (pairs: PairSet) => EvaluatedPairs;
  readonly rows: number;
  readonly capacity: Int32Array;
  readonly settings: PolicySettings;
  readonly preset: string;
}

/**
 * The explained matching of a result on a cohort too large to evaluate every pair: the matching
 * describes assigned pairs only (bans and flags come from the relations), so those are
 * evaluated, not every pair the solve saw; unmatched coachees' reasons add the bans that depend
 * on the pair, which only evaluating their pairs finds (see unmatchedBans).
 */
export function explainAssigned(result: AssignmentResult, input: ExplainInput): Matching {
  const { evaluate, rows, capacity, settings, preset } = input;
  const assigned = assignedPairs(result, rows, capacity.length);
  const evaluated = evaluate(assigned);
  const extra = unmatchedBans(result, capacity, evaluate);
  const combined = extra.size === 0 ? evaluated.combined : { ...evaluated.combined, bans: new Map([...evaluated.combined.bans, ...extra]) };
  return assembleMatching({ features: evaluated.features, combined: withWaiverFlags(combined, assigned), result, settings, preset });
}

/** The pairs an optimal result assigns (none for any other status: nothing is assigned then). */
function assignedPairs(result: AssignmentResult, rows: number, cols: number): PairSet {
  const rowStart = new Int32Array(rows + 1);
  const assigned: number[] = [];
  for (let i = 0; i < rows; i++) {
    const j = result.status === 'optimal' ? result.assignment[i] : null;
    if (j !== null && j !== undefined) assigned.push(j);
    rowStart[i + 1] = assigned.length;
  }
  return sparsePairSet(rows, cols, rowStart, Int32Array.from(assigned));
}
