import { CoachmatchError } from '../errors.js';
import type { CohortQuota } from '../model/policySettings.js';
import type { Policy } from '../policies/policy.js';

/**
 * Refuses a `flaggedPairs` quota on a code that no active policy declares (`Policy.flagCodes`):
 * no pair would carry it, so the quota would count nothing and always be met. The cohort's
 * schema lets prefixed codes through for policies of the caller's own; this is where they are
 * held to the policies actually matching.
 */
export function checkQuotaFlags(quotas: readonly CohortQuota[], policies: readonly Policy[]): void {
  const declared = new Set(policies.flatMap((p) => p.flagCodes ?? []));
  const issues = quotas.flatMap((quota, n) =>
    quota.kind === 'flaggedPairs' && !declared.has(quota.flag)
      ? [{ path: `$.policy.quotas[${n}].flag`, message: `no active policy puts flag ${JSON.stringify(quota.flag)} on pairs (a policy declares its codes in flagCodes); the declared codes are ${[...declared].sort().join(', ') || 'none'}` }]
      : [],
  );
  if (issues.length > 0) throw new CoachmatchError('invalidArgument', 'A quota counts a flag that no policy puts on pairs', issues);
}
