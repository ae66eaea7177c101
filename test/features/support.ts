/**
 * Shared test material for the feature tests: a small attribute declaration like the alumni
 * programme's, and fast-check arbitraries of profiles and whole cohorts.
 */
import fc from 'fast-check';
import { attributeDeclarationSchema, type AttributeDeclaration } from '../../src/model/attributeDeclarationSchema.js';
import type { CohortInput } from '../../src/model/cohortSchema.js';

export const declare = (input: unknown): AttributeDeclaration => attributeDeclarationSchema.parse(input);

export const gender = declare({ key: 'gender', label: 'Gender', kind: 'categorical', role: 'identity' });
export const nationality = declare({ key: 'nationality', label: 'Nationality', kind: 'categorical', role: 'identity' });
export const background = declare({ key: 'background', label: 'Background', kind: 'categorical', role: 'identity', weight: 1.5 });
export const age = declare({ key: 'age', label: 'Age', kind: 'numeric', role: 'identity', scale: { min: 18, max: 70 }, sharedWithin: 5 });
export const hobbies = declare({ key: 'hobbies', label: 'Hobbies', kind: 'set', role: 'identity', weight: 0.5 });
export const hometown = declare({ key: 'hometown', label: 'Home town', kind: 'text', role: 'identity', weight: 0.5 });
export const sector = declare({ key: 'sector', label: 'Sector', kind: 'categorical', role: 'profession', credit: 0.5 });
export const role = declare({
  key: 'role',
  label: 'Role',
  kind: 'categorical',
  role: 'profession',
  related: { groups: [['trainer', 'learning designer', 'L&D consultant'], ['HR advisor', 'HR business partner']], credit: 0.6 },
});

/** Identity attributes then profession ones, sorted by key as a parsed cohort has them. */
export const attributes: readonly AttributeDeclaration[] = [age, background, gender, hobbies, hometown, nationality, role, sector];

const values = {
  gender: ['f', 'm', 'x'],
  nationality: ['NL', 'DE', 'BE', 'CN', 'ID', 'TR'],
  background: ['first-generation', 'academic', 'migration'],
  hobbies: ['chess', 'football', 'jazz', 'hiking', 'cooking', 'gaming', 'sailing'],
  hometown: ['Maastricht', 'maastricht ', 'Heerlen', 'Aachen', 'Liège'],
  sector: ['education', 'healthcare', 'consulting', 'HR'],
  role: ['trainer', 'learning designer', 'L&D consultant', 'HR advisor', 'HR business partner', 'teacher'],
};

/** Identity attribute values, each key possibly missing. */
export const identityArb = fc.record(
  {
    gender: fc.constantFrom(...values.gender),
    nationality: fc.constantFrom(...values.nationality),
    background: fc.constantFrom(...values.background),
    age: fc.integer({ min: 18, max: 70 }),
    hobbies: fc.uniqueArray(fc.constantFrom(...values.hobbies), { maxLength: 4 }),
    hometown: fc.constantFrom(...values.hometown),
  },
  { requiredKeys: [] },
);

/** Profession attribute values, each key possibly missing. */
export const professionArb = fc.record(
  { sector: fc.constantFrom(...values.sector), role: fc.constantFrom(...values.role) },
  { requiredKeys: [] },
);

export const supportArb = fc.record({
  socioEmotional: fc.integer({ min: 1, max: 5 }),
  network: fc.integer({ min: 1, max: 5 }),
  autonomy: fc.integer({ min: 1, max: 5 }),
  career: fc.integer({ min: 1, max: 5 }),
});

/** A profile with identity attributes only. */
export const profileArb = identityArb.map((attributes) => ({ attributes }));

/** A valid cohort document (before parsing) with 1–8 coaches and 0–8 coachees. */
export const cohortInputArb: fc.Arbitrary<CohortInput> = fc
  .record({
    coaches: fc.array(
      fc.record({ identity: identityArb, profession: professionArb, support: supportArb, active: fc.boolean(), capacity: fc.integer({ min: 0, max: 3 }) }),
      { minLength: 1, maxLength: 8 },
    ),
    coachees: fc.array(fc.record({ identity: identityArb, aspiration: professionArb, needs: supportArb }), { maxLength: 8 }),
  })
  .map(({ coaches, coachees }) => ({
    attributes: [
      { key: 'gender', kind: 'categorical', role: 'identity' },
      { key: 'nationality', kind: 'categorical', role: 'identity' },
      { key: 'background', kind: 'categorical', role: 'identity', weight: 1.5 },
      { key: 'age', kind: 'numeric', role: 'identity', scale: { min: 18, max: 70 }, sharedWithin: 5 },
      { key: 'hobbies', kind: 'set', role: 'identity', weight: 0.5 },
      { key: 'hometown', kind: 'text', role: 'identity', weight: 0.5 },
      { key: 'sector', kind: 'categorical', role: 'profession', credit: 0.5 },
      { key: 'role', kind: 'categorical', role: 'profession', related: { groups: [['trainer', 'learning designer', 'L&D consultant']], credit: 0.6 } },
    ],
    coaches: coaches.map((c, i) => ({
      id: `coach-${i}`,
      name: `Coach ${i}`,
      capacity: c.capacity,
      attributes: { ...c.identity, ...c.profession },
      support: c.support,
      active: i === 0 ? true : c.active,
    })),
    coachees: coachees.map((c, i) => ({
      id: `coachee-${i}`,
      name: `Coachee ${i}`,
      attributes: c.identity,
      aspiration: c.aspiration,
      needs: c.needs,
    })),
  }));

/** A copy of a cohort document with its coaches and coachees in another order. */
export function reordered(input: CohortInput, seed: number): CohortInput {
  const shuffle = <T>(xs: readonly T[]): T[] => {
    const out = [...xs];
    let s = seed >>> 0 || 1;
    for (let i = out.length - 1; i > 0; i--) {
      s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
      const j = s % (i + 1);
      [out[i], out[j]] = [out[j]!, out[i]!];
    }
    return out;
  };
  return { ...input, coaches: shuffle(input.coaches), coachees: shuffle(input.coachees) };
}
