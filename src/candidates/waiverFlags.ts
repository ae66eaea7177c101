import { waiverFlag, type CombinedProblem } from '../engine/combinePolicies.js';
import type { PairSet } from '../features/pairSet.js';
import type { PairBan, PairFlag } from '../policies/policy.js';

/**
 * The assigned pairs' evaluation with their waivers: a chosen pair that is banned when
 * evaluated alone was waived in the solve (a waiver needs the row's every coach in view, and
 * a chosen pair is allowed), so its bans become the flags the dense path gives it. Evaluating
 * such rows whole instead would cost a row of every coach each, all at once.
 */
export function withWaiverFlags(combined: CombinedProblem, assigned: PairSet): CombinedProblem {
  const { cols } = combined;
  let bans: Map<number, readonly PairBan[]> | null = null;
  let flags: Map<number, readonly PairFlag[]> | null = null;
  for (let i = 0; i < assigned.rows; i++) {
    if (assigned.rowStart[i] === assigned.rowStart[i + 1]) continue;
    const at = i * cols + assigned.colIndex[assigned.rowStart[i]!]!;
    const lifted = combined.bans.get(at);
    if (lifted === undefined) continue;
    bans ??= new Map(combined.bans);
    flags ??= new Map(combined.flags);
    bans.delete(at);
    flags.set(at, [...(flags.get(at) ?? []), ...lifted.map(waiverFlag)]);
  }
  return bans === null ? combined : { ...combined, bans, flags: flags! };
}
