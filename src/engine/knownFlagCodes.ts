import type { Policy } from '../policies/policy.js';
import type { CombinedProblem } from './combinePolicies.js';

/**
 * The flag codes a `flaggedPairs` quota may count: those the active policies declare
 * (`Policy.flagCodes`), and those actually on pairs, waived bans' codes included (a policy of
 * the caller's own may flag without declaring). A quota on any other code would count nothing
 * and always be met.
 */
export function knownFlagCodes(policies: readonly Policy[], combined: CombinedProblem): ReadonlySet<string> {
  const known = new Set(policies.flatMap((p) => p.flagCodes ?? []));
  for (const list of combined.flags.values()) for (const flag of list) known.add(flag.code);
  for (const list of combined.bans.values()) for (const ban of list) if (ban.waivable === true) known.add(ban.code);
  return known;
}
