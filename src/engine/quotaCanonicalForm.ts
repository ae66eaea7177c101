import { compareIds } from '../model/compareIds.js';
import type { CoachFilter, CohortQuota } from '../model/policySettings.js';
import { nfc } from '../text/nfc.js';

/** A cohort quota in canonical form, with the name reports give it and its place in `policy.quotas` (for issue paths). */
export interface PlacedQuota {
  readonly quota: CohortQuota;
  readonly name: string;
  readonly index: number;
}

/**
 * The cohort's quotas by name, each in canonical form (see {@link canonicalFilter}): the order
 * of `policy.quotas` carries no meaning, yet the 0/1 solver's choice among equally good
 * matchings follows the order of the program's rows. Names are unique (the schema refuses a
 * repeat), so the name alone orders them; an unnamed quota is named by its place, `quotas[2]`.
 */
export function quotasInCanonicalOrder(quotas: readonly CohortQuota[]): PlacedQuota[] {
  return quotas
    .map((quota, index) => ({ quota: withCanonicalFilter(quota), name: quota.name ?? `quotas[${index}]`, index }))
    .sort((a, b) => compareIds(a.name, b.name));
}

function withCanonicalFilter(quota: CohortQuota): CohortQuota {
  return 'coaches' in quota && quota.coaches !== undefined ? { ...quota, coaches: canonicalFilter(quota.coaches) } : quota;
}

/**
 * A coach filter in one form, as cohort values are: `equals` and `oneOf` values in Unicode
 * NFC, `oneOf` sorted (numbers first) without repeats. It matches the same coaches.
 */
export function canonicalFilter(filter: CoachFilter): CoachFilter {
  const form = (v: string | number) => (typeof v === 'string' ? nfc(v) : v);
  if (filter.equals !== undefined) return { ...filter, equals: form(filter.equals) };
  if (filter.oneOf === undefined) return filter;
  const values = [...new Set(filter.oneOf.map(form))].sort(compareValues);
  return { ...filter, oneOf: values };
}

function compareValues(a: string | number, b: string | number): number {
  if (typeof a === 'number') return typeof b === 'number' ? a - b : -1;
  return typeof b === 'number' ? 1 : compareIds(a, b);
}
