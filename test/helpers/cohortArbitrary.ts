/**
 * fast-check arbitraries of small, valid cohort documents (before parsing) for engine
 * properties, and the document transformations the properties compare against: renaming ids
 * and reordering records.
 */
import fc from 'fast-check';
import type { CohortInput } from '../../src/model/cohortSchema.js';
import { relationTypes, type RelationType } from '../../src/model/relationSchema.js';
import type { PolicyInput } from '../../src/model/policySettings.js';
import { seededRandom } from './seededRandom.js';

/** Shape limits for {@link cohortArbitrary}. */
export interface CohortShape {
  readonly minCoaches?: number;
  readonly maxCoaches?: number;
  readonly minCoachees?: number;
  readonly maxCoachees?: number;
  /** Allow coaches with a minimum load (which can make a cohort infeasible). Default true. */
  readonly minLoads?: boolean;
  /** Allow inactive coaches. Default true. */
  readonly inactive?: boolean;
}

/** The declared attributes: four identity attributes of every kind but text, two profession ones. */
export const arbitraryAttributes = [
  { key: 'gender', label: 'Gender', kind: 'categorical', role: 'identity' },
  { key: 'nationality', label: 'Nationality', kind: 'categorical', role: 'identity', weight: 0.75 },
  { key: 'age', label: 'Age', kind: 'numeric', role: 'identity', scale: { min: 18, max: 70 }, sharedWithin: 5 },
  { key: 'hobbies', label: 'Hobbies', kind: 'set', role: 'identity', weight: 0.5 },
  { key: 'sector', label: 'Sector', kind: 'categorical', role: 'profession', credit: 0.5 },
  {
    key: 'role',
    label: 'Role',
    kind: 'categorical',
    role: 'profession',
    related: { groups: [['trainer', 'learning designer'], ['HR advisor', 'recruiter']], credit: 0.6 },
  },
] as const satisfies CohortInput['attributes'];

// Skewed value lists so that pools have a majority and coachees range from insiders to pioneers.
const genders = ['f', 'f', 'm', 'm', 'x'];
const nationalities = ['NL', 'NL', 'NL', 'DE', 'TR', 'CN'];
const hobbies = ['chess', 'football', 'jazz', 'hiking', 'cooking'];
const sectors = ['education', 'healthcare', 'HR'];
const roles = ['trainer', 'learning designer', 'HR advisor', 'recruiter', 'teacher'];

const identityArb = fc.record(
  {
    gender: fc.constantFrom(...genders),
    nationality: fc.constantFrom(...nationalities),
    age: fc.integer({ min: 20, max: 65 }),
    hobbies: fc.uniqueArray(fc.constantFrom(...hobbies), { maxLength: 3 }),
  },
  { requiredKeys: ['gender', 'nationality'] },
);
const professionArb = fc.record(
  { sector: fc.constantFrom(...sectors), role: fc.constantFrom(...roles) },
  { requiredKeys: [] },
);
const score = fc.integer({ min: 1, max: 5 });
const supportArb = fc.record({ socioEmotional: score, network: score, autonomy: score, career: score });

/**
 * Small valid cohort documents: the attributes of {@link arbitraryAttributes}; 2–8 coaches
 * (capacity 0–4, sometimes a minimum load, sometimes inactive); 2–12 coachees with ranked
 * preferences, "not this coach" lists, priorities and current coaches; 0–3 other people; and
 * relations of every type between any of them. Ids are `coach-N`, `coachee-N`, `person-N`.
 * Records come in id order; use {@link reorderCohort} for other orders.
 */
export function cohortArbitrary(shape: CohortShape = {}): fc.Arbitrary<CohortInput> {
  const minLoads = shape.minLoads ?? true;
  const inactive = shape.inactive ?? true;
  return fc
    .record({
      coachCount: fc.integer({ min: shape.minCoaches ?? 2, max: shape.maxCoaches ?? 8 }),
      coacheeCount: fc.integer({ min: shape.minCoachees ?? 2, max: shape.maxCoachees ?? 12 }),
      peopleCount: fc.integer({ min: 0, max: 3 }),
    })
    .chain(({ coachCount, coacheeCount, peopleCount }) => {
      const coachIds = Array.from({ length: coachCount }, (_, i) => `coach-${i}`);
      const coacheeIds = Array.from({ length: coacheeCount }, (_, i) => `coachee-${i}`);
      const personIds = Array.from({ length: peopleCount }, (_, i) => `person-${i}`);
      const everyone = [...coachIds, ...coacheeIds, ...personIds];
      const coach = fc.record({
        capacity: fc.oneof({ weight: 1, arbitrary: fc.constant(0) }, { weight: 6, arbitrary: fc.integer({ min: 1, max: 4 }) }),
        minShare: minLoads ? fc.oneof({ weight: 4, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.double({ min: 0, max: 1, noNaN: true }) }) : fc.constant(0),
        active: inactive ? fc.oneof({ weight: 5, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }) : fc.constant(true),
        type: fc.constantFrom('internal' as const, 'external' as const),
        identity: identityArb,
        profession: professionArb,
        support: supportArb,
      });
      // Preferences and avoid lists are drawn together so that no coach is both preferred and avoided.
      const wishes = fc.shuffledSubarray(coachIds, { maxLength: Math.min(4, coachCount) }).chain((picked) =>
        fc.integer({ min: 0, max: picked.length }).map((split) => ({ preferences: picked.slice(0, split), avoid: picked.slice(split) })),
      );
      const coachee = fc.record({
        identity: identityArb,
        aspiration: professionArb,
        needs: supportArb,
        wishes: fc.oneof({ weight: 2, arbitrary: fc.constant({ preferences: [] as string[], avoid: [] as string[] }) }, { weight: 1, arbitrary: wishes }),
        priority: fc.option(fc.constantFrom(0, 0.5, 1, 2, 3), { nil: undefined }),
        currentCoach: fc.option(fc.constantFrom(...coachIds), { nil: undefined, freq: 4 }),
      });
      const relation = fc
        .record({
          from: fc.constantFrom(...everyone),
          to: fc.constantFrom(...everyone),
          type: fc.constantFrom<RelationType>(...relationTypes),
        })
        .filter((r) => r.from !== r.to);
      return fc.record({
        coaches: fc.array(coach, { minLength: coachCount, maxLength: coachCount }),
        coachees: fc.array(coachee, { minLength: coacheeCount, maxLength: coacheeCount }),
        relations: fc.array(relation, { maxLength: 12 }),
        coachIds: fc.constant(coachIds),
        coacheeIds: fc.constant(coacheeIds),
        personIds: fc.constant(personIds),
      });
    })
    .map(({ coaches, coachees, relations, coachIds, coacheeIds, personIds }): CohortInput => ({
      attributes: arbitraryAttributes.map((a) => structuredClone(a)) as CohortInput['attributes'],
      coaches: coaches.map((c, i) => ({
        id: coachIds[i]!,
        name: `Coach ${i}`,
        capacity: c.capacity,
        minLoad: Math.floor(c.minShare * c.capacity),
        attributes: { ...c.identity, ...c.profession },
        support: c.support,
        active: c.active,
        type: c.type,
      })),
      coachees: coachees.map((c, i) => ({
        id: coacheeIds[i]!,
        name: `Coachee ${i}`,
        attributes: c.identity,
        aspiration: c.aspiration,
        needs: c.needs,
        preferences: c.wishes.preferences,
        avoid: c.wishes.avoid,
        ...(c.priority === undefined ? {} : { priority: c.priority }),
        ...(c.currentCoach === undefined ? {} : { currentCoach: c.currentCoach }),
      })),
      people: personIds.map((id, i) => ({ id, name: `Person ${i}` })),
      relations,
    }));
}

/**
 * Policy overrides that make bans and penalties more frequent than the default does: dual
 * roles banned or penalised, previous coaching banned or penalised, clan depth 1–3, clan ban
 * or penalty, a hard minimum difference for insiders.
 */
export const policyOverridesArbitrary: fc.Arbitrary<PolicyInput> = fc.record(
  {
    preset: fc.constantFrom('default' as const, 'similarity-first' as const, 'diversity-first' as const),
    dualRole: fc.constantFrom('penalise' as const, 'ban' as const),
    previouslyCoached: fc.constantFrom('allow' as const, 'penalise' as const, 'ban' as const),
    clanDepth: fc.integer({ min: 1, max: 3 }),
    clanBan: fc.boolean(),
    hardMinDifference: fc.boolean(),
    insiderThreshold: fc.constantFrom(0.5, 0.75),
  },
  { requiredKeys: [] },
);

/**
 * The cohorts of `arb` with identity data missing, as CSV cohorts often have it: each coach
 * and coachee keeps every identity value, loses them all, or loses a random few (so some
 * pairs hold values on different attributes only). A pair may then know no identity
 * attribute on both sides: its difference is unknown, which the similarity policy neither
 * rewards nor penalises, and the candidate bounds must cover.
 */
export function withMissingIdentity(arb: fc.Arbitrary<CohortInput>): fc.Arbitrary<CohortInput> {
  return arb.chain((doc) => {
    const identity = (doc.attributes ?? []).filter((a) => a.role === 'identity').map((a) => a.key);
    const drop = fc.oneof(
      { weight: 2, arbitrary: fc.constant<readonly string[]>([]) },
      { weight: 2, arbitrary: fc.constant<readonly string[]>(identity) },
      { weight: 2, arbitrary: fc.subarray(identity) },
    );
    const people = doc.coaches.length + doc.coachees.length;
    return fc.array(drop, { minLength: people, maxLength: people }).map((drops): CohortInput => {
      const without = <T extends { attributes?: Record<string, unknown> }>(record: T, keys: readonly string[]): T =>
        ({ ...record, attributes: Object.fromEntries(Object.entries(record.attributes ?? {}).filter(([key]) => !keys.includes(key))) }) as T;
      return {
        ...doc,
        coaches: doc.coaches.map((c, i) => without(c, drops[i]!)),
        coachees: doc.coachees.map((c, i) => without(c, drops[doc.coaches.length + i]!)),
      };
    });
  });
}

/**
 * A seeded, deterministic {@link withMissingIdentity} for larger cohorts (synthetic ones):
 * each coach and coachee keeps its identity values, loses them all, or keeps only one, a
 * third of them each.
 */
export function thinIdentity(doc: CohortInput, seed: number): CohortInput {
  const random = seededRandom(seed);
  const identity = (doc.attributes ?? []).filter((a) => a.role === 'identity').map((a) => a.key);
  const thin = <T extends { attributes?: Record<string, unknown> }>(record: T): T => {
    const roll = random();
    if (roll < 1 / 3) return record;
    const kept = roll < 2 / 3 ? [] : [identity[Math.floor(random() * identity.length)]];
    return { ...record, attributes: Object.fromEntries(Object.entries(record.attributes ?? {}).filter(([key]) => !identity.includes(key) || kept.includes(key))) };
  };
  return { ...doc, coaches: doc.coaches.map(thin), coachees: doc.coachees.map(thin) };
}

/** A renaming of every id of a cohort document (coaches, coachees, people). */
export type IdRenaming = ReadonlyMap<string, string>;

/** Every id of a cohort document, coaches first, then coachees, then people. */
export function idsOf(doc: CohortInput): string[] {
  return [...doc.coaches.map((c) => c.id), ...doc.coachees.map((c) => c.id), ...(doc.people ?? []).map((p) => p.id)];
}

/**
 * The same cohort with every id renamed through `renaming` (a bijection): records, relation
 * ends, preferences, avoid lists and current coaches. Names and everything else stay.
 */
export function renameIds(doc: CohortInput, renaming: IdRenaming): CohortInput {
  const to = (id: string) => {
    const renamed = renaming.get(id);
    if (renamed === undefined) throw new Error(`renaming misses ${id}`);
    return renamed;
  };
  return {
    ...doc,
    coaches: doc.coaches.map((c) => ({ ...c, id: to(c.id) })),
    coachees: doc.coachees.map((c) => ({
      ...c,
      id: to(c.id),
      ...(c.preferences === undefined ? {} : { preferences: c.preferences.map(to) }),
      ...(c.avoid === undefined ? {} : { avoid: c.avoid.map(to) }),
      ...(c.currentCoach === undefined ? {} : { currentCoach: to(c.currentCoach) }),
    })),
    people: (doc.people ?? []).map((p) => ({ ...p, id: to(p.id) })),
    relations: (doc.relations ?? []).map((r) => ({ ...r, from: to(r.from), to: to(r.to) })),
  };
}

/**
 * A copy of a cohort document with coaches, coachees, people, relations and attribute
 * declarations in another order, and symmetric relations written the other way round:
 * `order` holds one sort key per record (any length; missing keys count as 0).
 */
export function reorderCohort(doc: CohortInput, order: readonly number[]): CohortInput {
  let k = 0;
  const shuffle = <T>(xs: readonly T[]): T[] =>
    xs
      .map((x, i) => ({ x, key: order[k++ % Math.max(1, order.length)] ?? 0, i }))
      .sort((a, b) => a.key - b.key || b.i - a.i)
      .map((e) => e.x);
  const flip = (r: NonNullable<CohortInput['relations']>[number], i: number) =>
    (r.type === 'family' || r.type === 'closeTo' || r.type === 'sameTeam') && (order[i] ?? 0) % 2 === 1 ? { ...r, from: r.to, to: r.from } : r;
  return {
    ...doc,
    attributes: shuffle(doc.attributes ?? []),
    coaches: shuffle(doc.coaches),
    coachees: shuffle(doc.coachees),
    people: shuffle(doc.people ?? []),
    relations: shuffle((doc.relations ?? []).map(flip)),
  };
}

/** Keys that a plain object lookup finds on Object.prototype (`__proto__` aside, which the schema refuses). */
export const prototypeMemberNames = ['constructor', 'toString', 'valueOf', 'hasOwnProperty', 'isPrototypeOf', 'propertyIsEnumerable', 'toLocaleString', '__defineGetter__'] as const;

/** The same cohort with attribute `from` renamed to `to`: its declaration, and every person's value and aspiration. */
export function renameAttribute(doc: CohortInput, from: string, to: string): CohortInput {
  const rename = <T extends object | undefined>(values: T): T =>
    values === undefined ? values : (Object.fromEntries(Object.entries(values).map(([k, v]) => [k === from ? to : k, v])) as T);
  return {
    ...doc,
    attributes: (doc.attributes ?? []).map((a) => (a.key === from ? { ...a, key: to } : a)),
    coaches: doc.coaches.map((c) => ({ ...c, attributes: rename(c.attributes) })),
    coachees: doc.coachees.map((c) => ({ ...c, attributes: rename(c.attributes), aspiration: rename(c.aspiration) })),
    people: (doc.people ?? []).map((p) => ({ ...p, attributes: rename(p.attributes) })),
  };
}
