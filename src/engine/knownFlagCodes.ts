import type { Policy } from '../policies/policy.js';

/**
 * The flag codes a `flaggedPairs` quota may count: those the active policies declare
 * (`Policy.flagCodes`, waivable bans' codes included). Declared, not seen on this cohort's
 * pairs, so that whether a quota is accepted never depends on the data; a quota on any other
 * code would count nothing and always be met.
 */
export function knownFlagCodes(policies: readonly Policy[]): ReadonlySet<string> {
  return new Set(policies.flatMap((p) => p.flagCodes ?? []));
}
