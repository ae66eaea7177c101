/**
 * Shared material for the policy tests: small hand-made cohorts and the context a policy
 * sees for them.
 */
import { buildFeatureTables } from '../../src/features/buildFeatureTables.js';
import type { CohortInput } from '../../src/model/cohortSchema.js';
import { parseCohort } from '../../src/model/parseCohort.js';
import type { PolicyInput } from '../../src/model/policySettings.js';
import { resolvePolicy } from '../../src/model/resolvePolicy.js';
import type { PolicyContext, PolicyContribution, UtilityTerm } from '../../src/policies/policy.js';
import { buildRelationIndex } from '../../src/policies/relationIndex.js';

type Input = CohortInput;
type CoachInput = Input['coaches'][number];
type CoacheeInput = Input['coachees'][number];
type RelationInput = NonNullable<Input['relations']>[number];

/** Middling support scores, the same for everyone unless a test says otherwise. */
export const support = { socioEmotional: 3, network: 3, autonomy: 3, career: 3 };

/** Gender and nationality (identity), sector (profession). */
export const attributes: Input['attributes'] = [
  { key: 'gender', kind: 'categorical', role: 'identity' },
  { key: 'nationality', kind: 'categorical', role: 'identity' },
  { key: 'sector', kind: 'categorical', role: 'profession' },
];

/** A coach record with capacity 1 and middling support. */
export function coach(id: string, attrs: Record<string, string> = {}, extra: Partial<CoachInput> = {}): CoachInput {
  return { id, name: `Coach ${id}`, capacity: 1, attributes: attrs, support, ...extra };
}

/** A coachee record with middling needs. */
export function coachee(id: string, attrs: Record<string, string> = {}, extra: Partial<CoacheeInput> = {}): CoacheeInput {
  return { id, name: `Coachee ${id}`, attributes: attrs, needs: support, ...extra };
}

/** A relation record. */
export const rel = (from: string, type: RelationInput['type'], to: string): RelationInput => ({ from, to, type });

/** A cohort document from its parts; people named in relations but not listed become `people`. */
export function cohortDoc(parts: {
  coaches: CoachInput[];
  coachees: CoacheeInput[];
  relations?: RelationInput[];
  attributes?: Input['attributes'];
}): Input {
  const known = new Set([...parts.coaches.map((c) => c.id), ...parts.coachees.map((c) => c.id)]);
  const people = new Set<string>();
  for (const r of parts.relations ?? []) for (const id of [r.from, r.to]) if (!known.has(id)) people.add(id);
  return {
    attributes: parts.attributes ?? attributes,
    coaches: parts.coaches,
    coachees: parts.coachees,
    people: [...people].map((id) => ({ id, name: `Person ${id}` })),
    relations: parts.relations ?? [],
  };
}

/** What a policy sees for a cohort document, under the default policy plus `overrides`. */
export function contextOf(doc: Input, overrides?: PolicyInput): PolicyContext {
  const cohort = parseCohort(doc);
  return {
    cohort,
    features: buildFeatureTables(cohort),
    settings: resolvePolicy(cohort.policy, overrides),
    relations: buildRelationIndex(cohort),
  };
}

/** Row-major index of a (coachee, coach) pair in the context's tables. */
export function pairIndex(context: PolicyContext, coacheeId: string, coachId: string): number {
  const row = context.features.coacheeIds.indexOf(coacheeId);
  const col = context.features.coachIds.indexOf(coachId);
  if (row < 0 || col < 0) throw new Error(`no pair ${coacheeId} × ${coachId}`);
  return row * context.features.coachIds.length + col;
}

/** The one term of a contribution with the given key. */
export function termOf(contribution: PolicyContribution, key: string): UtilityTerm {
  const term = (contribution.terms ?? []).find((t) => t.key === key);
  if (term === undefined) throw new Error(`no term ${key}`);
  return term;
}

/** The (coacheeId, coachId, code) triples of a contribution's bans or flags, sorted. */
export function pairCodes(
  context: PolicyContext,
  items: readonly { readonly row: number; readonly col: number; readonly code: string }[] | undefined,
): string[] {
  return (items ?? []).map((b) => `${context.features.coacheeIds[b.row]}×${context.features.coachIds[b.col]}:${b.code}`).sort();
}

/** The (coacheeId, coachId) pairs where a term is non-zero, with their values. */
export function nonZero(context: PolicyContext, term: UtilityTerm): Record<string, number> {
  const cols = context.features.coachIds.length;
  const out: Record<string, number> = {};
  term.values.forEach((v, p) => {
    if (v !== 0) out[`${context.features.coacheeIds[Math.floor(p / cols)]}×${context.features.coachIds[p % cols]}`] = v;
  });
  return out;
}
