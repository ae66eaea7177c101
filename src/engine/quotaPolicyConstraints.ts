import { nfc } from '../text/nfc.js';
import { normalizeText } from '../features/normalizeText.js';
import type { SideConstraint } from '../constraints/sideConstraint.js';
import { CoachmatchError, type InputIssue } from '../errors.js';
import type { AttributeValue } from '../model/attributeValuesSchema.js';
import type { CoachFilter, CohortQuota } from '../model/policySettings.js';
import { coacheeType } from '../policies/coacheeType.js';
import type { PreparedMatch } from './match.js';
import { attributeOf } from '../model/attributeOf.js';
import { canonicalFilter, quotasInCanonicalOrder } from './quotaCanonicalForm.js';
import { coachFilterIssue } from '../model/coachFilterIssue.js';
import { toJsonPath } from '../model/toJsonPath.js';

/** A cohort quota with its resolved name and the side constraints that enforce it. */
export interface QuotaPolicyConstraint {
  readonly name: string;
  readonly quota: CohortQuota;
  /** The quota in words, e.g. "at most 5 pairs flagged discloseDualRole". */
  readonly description: string;
  /**
   * One side constraint, or two for a share with both bounds (a weighted count has one
   * coefficient per pair for each bound). Named `q<position>` and `q<position>.max` (the
   * quota's place in canonical order), and grouped as `q<position>` so the quota is priced
   * whole (one solve without both bounds).
   */
  readonly constraints: readonly SideConstraint[];
}

/**
 * Turns the cohort's declarative quotas (`policy.quotas`) into side constraints on the
 * combined problem: coachee types from insiderness against the policy's threshold, flags
 * from the policies' pair flags, coach filters from the coaches' attributes. Quotas come by
 * name, in canonical form, whatever their order in the cohort (see quotasInCanonicalOrder);
 * issue paths keep their place there. Rows and columns are the combined problem's.
 *
 * @throws CoachmatchError of kind `invalidCohort` listing every bad quota: a coach filter that
 * names an undeclared attribute or bounds a non-numeric one (path
 * `$.policy.quotas[n].coaches.attribute`), and, given `flagCodes` (see knownFlagCodes), a
 * flag code outside them (`$.policy.quotas[n].flag`).
 *
 * @example
 * ```ts
 * const prepared = prepareMatch(cohort);
 * quotaPolicyConstraints(prepared).map((q) => q.description);
 * // ['every pioneer gets a coach with common ground', 'at most 0 pairs flagged discloseDualRole']
 * ```
 */
export function quotaPolicyConstraints(prepared: PreparedMatch, flagCodes?: ReadonlySet<string>): QuotaPolicyConstraint[] {
  const { features, combined, settings, cohort } = prepared;
  const { rows, cols } = combined;
  // By the quota's place in the cohort, as the schema lists its issues, not in canonical order.
  const issuesOf: InputIssue[][] = settings.quotas.map(() => []);
  const typeOf = Array.from({ length: rows }, (_, i) => coacheeType(features.insiderness[i]!, settings));
  const out: QuotaPolicyConstraint[] = quotasInCanonicalOrder(settings.quotas).map(({ quota, name: quotaName, index: n }, position) => {
    const base = { name: quotaName, quota, description: describeQuota(quota) };
    const name = `q${position}`;
    const allPairs = (keep: (i: number, j: number) => boolean): [number, number][] => {
      const pairs: [number, number][] = [];
      for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) if (!combined.bans.has(i * cols + j) && keep(i, j)) pairs.push([i, j]);
      return pairs;
    };
    switch (quota.kind) {
      case 'commonGround': {
        const type = quota.coacheeType ?? 'pioneer';
        const over = typeOf.flatMap((t, i) => (t === type ? [i] : []));
        const shares = (i: number, j: number) => features.commonGround.get(i, j) > 0;
        // orUnmatched: no chosen pair without common ground (rather than one with it).
        return quota.orUnmatched === true
          ? { ...base, constraints: [{ name, per: 'row', pairs: allPairs((i, j) => typeOf[i] === type && !shares(i, j)), over, max: 0 }] }
          : { ...base, constraints: [{ name, per: 'row', pairs: allPairs((i, j) => typeOf[i] === type && shares(i, j)), over, min: 1 }] };
      }
      case 'flaggedPairs': {
        if (flagCodes !== undefined && !flagCodes.has(quota.flag)) {
          const declared = [...flagCodes].sort().join(', ') || 'none';
          issuesOf[n]!.push({ path: `$.policy.quotas[${n}].flag`, message: `no active policy declares flag ${JSON.stringify(quota.flag)} in its flagCodes (a policy of your own declares every code it may put on pairs, its waivable bans' included); the declared codes are ${declared}` });
        }
        const pairs: [number, number][] = [];
        for (const [at, list] of combined.flags) if (!combined.bans.has(at) && list.some((f) => f.code === quota.flag)) pairs.push([Math.floor(at / cols), at % cols]);
        pairs.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
        return { ...base, constraints: [{ name, per: 'total', pairs, ...bounds(quota.min, quota.max) }] };
      }
      case 'coacheesPerCoach': {
        const over = coachesMatching(quota.coaches, n);
        const pairs = allPairs((i) => typeOf[i] === quota.coacheeType);
        return { ...base, constraints: [{ name, per: 'col', pairs, over, ...bounds(quota.min, quota.max) }] };
      }
      case 'coacheeSharePerCoach': {
        // Share ≥ s ⇔ Σ (1[type] − s)·x ≥ 0 over the coach's pairs, and likewise for ≤: a
        // weighted count per bound, since each bound has its own coefficients.
        const over = coachesMatching(quota.coaches, n);
        const pairs = allPairs(() => true);
        const side = (share: number): number[] => pairs.map(([i]) => (typeOf[i] === quota.coacheeType ? 1 : 0) - share);
        const constraints: SideConstraint[] = [];
        // One group: the quota's price is what dropping it whole gains, not either bound alone.
        if (quota.minShare !== undefined) constraints.push({ name, group: name, per: 'col', pairs, over, coefficients: side(quota.minShare), min: 0 });
        if (quota.maxShare !== undefined) constraints.push({ name: `${name}.max`, group: name, per: 'col', pairs, over, coefficients: side(quota.maxShare), max: 0 });
        return { ...base, constraints };
      }
    }
  });
  const issues = issuesOf.flat();
  if (issues.length > 0) throw new CoachmatchError('invalidCohort', 'Invalid quotas', issues);
  return out;

  function coachesMatching(filter: CoachFilter | undefined, n: number): number[] {
    const all = features.coaches.map((_, j) => j);
    if (filter === undefined) return all;
    // parseCohort refuses such a filter already; a cohort built by hand is checked here.
    const declared = cohort.attributes.find((a) => a.key === filter.attribute);
    const issue = coachFilterIssue(filter, () => declared);
    if (issue !== null) {
      issuesOf[n]!.push({ path: toJsonPath(['policy', 'quotas', n, 'coaches', ...issue.field]), message: issue.message });
      return [];
    }
    return all.filter((j) => matchesFilter(attributeOf(features.coaches[j]!.attributes, filter.attribute), filter, declared!.kind === 'text'));
  }
}

function bounds(min: number | undefined, max: number | undefined): { min?: number; max?: number } {
  return { ...(min === undefined ? {} : { min }), ...(max === undefined ? {} : { max }) };
}

/**
 * Whether a coach's attribute value passes the filter; a missing value never does. A text
 * attribute's values compare as text attributes do everywhere (normalizeText: case and spaces
 * aside), so "amsterdam" finds the coaches from "Amsterdam".
 */
export function matchesFilter(value: AttributeValue | undefined, filter: CoachFilter, asText = false): boolean {
  if (value === undefined) return false;
  // Cohort values are in Unicode NFC (see canonicalizeCohort); a filter may come from elsewhere.
  const form = (v: string | number) => (typeof v !== 'string' ? v : asText ? normalizeText(v) : nfc(v));
  const values: readonly (string | number)[] = (typeof value === 'object' ? value : [value]).map(form);
  if (filter.equals !== undefined) return values.includes(form(filter.equals));
  if (filter.oneOf !== undefined) return values.some((v) => filter.oneOf!.some((w) => form(w) === v));
  if (typeof value !== 'number') return false;
  return (filter.atLeast === undefined || value >= filter.atLeast) && (filter.atMost === undefined || value <= filter.atMost);
}

/** A quota in a coordinator's words; a coach filter in canonical form (see canonicalFilter). */
export function describeQuota(quota: CohortQuota): string {
  const range = (min: number | undefined, max: number | undefined, what: string) =>
    min !== undefined && max !== undefined ? (min === max ? `exactly ${min} ${what}` : `between ${min} and ${max} ${what}`) : min !== undefined ? `at least ${min} ${what}` : `at most ${max} ${what}`;
  const coaches = (given: CoachFilter | undefined) => {
    if (given === undefined) return 'each coach';
    const filter = canonicalFilter(given);
    if (filter.equals !== undefined) return `each coach with ${filter.attribute} ${JSON.stringify(filter.equals)}`;
    if (filter.oneOf !== undefined) return `each coach with ${filter.attribute} in ${filter.oneOf.map((v) => JSON.stringify(v)).join(', ')}`;
    const parts = [filter.atLeast === undefined ? '' : `≥ ${filter.atLeast}`, filter.atMost === undefined ? '' : `≤ ${filter.atMost}`].filter(Boolean);
    return `each coach with ${filter.attribute} ${parts.join(' and ')}`;
  };
  const percent = (share: number | undefined) => (share === undefined ? undefined : Math.round(share * 1000) / 10);
  switch (quota.kind) {
    case 'commonGround':
      return quota.orUnmatched === true
        ? `no ${quota.coacheeType ?? 'pioneer'} gets a coach without common ground`
        : `every ${quota.coacheeType ?? 'pioneer'} gets a coach with common ground`;
    case 'flaggedPairs':
      return range(quota.min, quota.max, `pairs flagged ${quota.flag}`);
    case 'coacheesPerCoach':
      return `${coaches(quota.coaches)} takes ${range(quota.min, quota.max, `${quota.coacheeType}s`)}`;
    case 'coacheeSharePerCoach':
      return `${coaches(quota.coaches)} has ${range(percent(quota.minShare), percent(quota.maxShare), `percent ${quota.coacheeType}s`)} among their coachees`;
  }
}
