import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadCohortFromCsv } from '../../src/cli/csvInputs.js';
import { createEngine } from '../../src/composition/createEngine.js';
import { isErrorOfKind } from '../../src/errors.js';

const fixture = (name: string) => fileURLToPath(new URL(`../../fixtures/csv/${name}`, import.meta.url));
const options = { coaches: fixture('coaches.csv'), coachees: fixture('coachees.csv'), relations: fixture('relations.csv'), mapping: fixture('mapping.json') };

describe(loadCohortFromCsv, () => {
  const cohort = loadCohortFromCsv(options);

  it('loads the bundled CSV cohort: semicolons, a BOM, diacritics, lists, quoted names, named people', () => {
    expect(cohort.name).toContain('CSV example');
    expect(cohort.coaches).toHaveLength(6);
    expect(cohort.coachees).toHaveLength(12);
    expect(cohort.coachees[0]!.id).toBe('student-01'); // the BOM did not stick to the first header
    expect(cohort.coachees.map((c) => c.name)).toContain('Eliška Nováková');
    expect(cohort.coaches.find((c) => c.id === 'coach-06')).toMatchObject({ name: 'Kees "KC" van den Broek', active: false });
    expect(cohort.coachees.find((c) => c.id === 'student-03')).toMatchObject({ preferences: ['coach-02', 'coach-05'], priority: 1.5 });
    expect(cohort.coachees.find((c) => c.id === 'student-02')?.attributes.hobbies).toEqual(['football', 'jazz']);
    expect(cohort.people.map((p) => p.name)).toEqual(['Prof. Hanneke Stassen', 'Dr. Roel Mertens']);
    expect(cohort.relations).toHaveLength(7);
  });

  it('is a cohort the engine can match completely', () => {
    const matching = createEngine().match(cohort);
    expect(matching.kpis.matched).toBe(12);
  });

  it('needs both the coaches and the coachees file', () => {
    expect(() => loadCohortFromCsv({ coaches: options.coaches })).toThrow(expect.objectContaining({ kind: 'invalidArgument' }));
  });

  it('says which file it cannot read', () => {
    try {
      loadCohortFromCsv({ ...options, relations: fixture('missing.csv') });
      throw new Error('expected a failure');
    } catch (error) {
      expect(isErrorOfKind(error, 'invalidArgument')).toBe(true);
      expect((error as Error).message).toContain('missing.csv');
    }
  });
});
