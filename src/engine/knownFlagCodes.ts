import { CoachmatchError } from '../errors.js';
import type { Policy, PolicyContribution } from '../policies/policy.js';

/**
 * The flag codes a `flaggedPairs` quota may count: those the active policies declare
 * (`Policy.flagCodes`, waivable bans' codes included). Declared, not seen on this cohort's
 * pairs, so that whether a quota is accepted never depends on the data; a quota on any other
 * code would count nothing and always be met.
 */
export function knownFlagCodes(policies: readonly Policy[]): ReadonlySet<string> {
  return new Set(policies.flatMap((p) => p.flagCodes ?? []));
}

/**
 * A policy's contribution, refused when the policy declares its flag codes and puts an
 * undeclared one on a pair (a flag, or a waivable ban, whose waiver leaves a flag of its code):
 * a quota on the declared code would count nothing and be met, one on the code used would be
 * refused.
 */
export function withDeclaredFlags(policy: Policy, contribution: PolicyContribution): PolicyContribution {
  const declared = policy.flagCodes;
  if (declared === undefined) return contribution;
  const codes = [...(contribution.flags ?? []), ...(contribution.bans ?? []).filter((b) => b.waivable === true)].map((f) => f.code);
  const undeclared = [...new Set(codes.filter((code) => !declared.includes(code)))].sort();
  if (undeclared.length > 0) {
    throw new CoachmatchError('invalidArgument', `policy ${JSON.stringify(policy.name)} puts flag code(s) ${undeclared.map((c) => JSON.stringify(c)).join(', ')} on pairs without declaring them in its flagCodes (${declared.map((c) => JSON.stringify(c)).join(', ') || 'none'})`);
  }
  return contribution;
}
