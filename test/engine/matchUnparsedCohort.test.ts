/**
 * match validates every cohort parseCohort did not return (a structuredClone, an edited copy,
 * a hand-made or raw object) exactly as parseCohort validates a document: it matches it as its
 * document would be matched, or refuses it with each problem located. It used to run such a
 * cohort as it was: capacity Infinity or NaN as no room, 1.5 as 1, a coachee listed twice
 * with two outcomes, an avoid naming no coach ignored, and TypeErrors for the rest.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { match, prepareMatch, toAssignmentProblem } from '../../src/engine/match.js';
import type { Cohort } from '../../src/model/cohort.js';
import { parseCohort } from '../../src/model/parseCohort.js';
import { cohortArbitrary } from '../helpers/cohortArbitrary.js';
import { thrownIssuePaths } from '../helpers/issuePaths.js';
import { runs } from '../helpers/runs.js';
import { freezeDeep } from '../helpers/freezeDeep.js';

const S = { socioEmotional: 3, network: 3, autonomy: 3, career: 3 };
const doc = {
  attributes: [],
  coaches: [
    { id: 'c1', name: 'C1', capacity: 2, support: S },
    { id: 'c2', name: 'C2', capacity: 1, support: S },
  ],
  coachees: [
    { id: 'e1', name: 'E1', needs: S },
    { id: 'e2', name: 'E2', needs: S },
    { id: 'e3', name: 'E3', needs: S },
  ],
};

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Editable = any;
const edited = (edit: (c: Editable) => void): Cohort => {
  const copy = structuredClone(parseCohort(doc)) as Editable;
  edit(copy);
  return copy as Cohort;
};
const invalidPaths = (cohort: unknown): string[] => thrownIssuePaths(() => match(cohort as Cohort), 'invalidCohort');

describe('match on a cohort parseCohort did not return', () => {
  it('refuses an edited copy the document schema refuses, by JSON path', () => {
    expect(invalidPaths(edited((c) => (c.coaches[0].capacity = Infinity)))).toEqual(['$.coaches[0].capacity']);
    expect(invalidPaths(edited((c) => (c.coaches[0].capacity = Number.NaN)))).toEqual(['$.coaches[0].capacity']);
    expect(invalidPaths(edited((c) => (c.coaches[0].capacity = 1.5)))).toEqual(['$.coaches[0].capacity']);
    expect(invalidPaths(edited((c) => (c.coaches[0].capacity = 2n)))).toEqual(['$.coaches[0].capacity']);
    expect(invalidPaths(edited((c) => c.coachees.push(c.coachees[0])))).toContain('$.coachees[3].id');
    expect(invalidPaths(edited((c) => (c.coachees[0].avoid = ['no-such-coach'])))).toEqual(['$.coachees[0].avoid[0]']);
    expect(invalidPaths(edited((c) => c.coachees.push(null)))).toEqual(['$.coachees[3]']);
  });

  it('prepareMatch, the start of explain, rematch and compare, refuses them too (it ran them as they were)', () => {
    expect(thrownIssuePaths(() => prepareMatch(edited((c) => (c.coaches[0].capacity = Infinity))), 'invalidCohort')).toEqual(['$.coaches[0].capacity']);
    // An unedited copy is the parsed cohort's problem.
    expect(toAssignmentProblem(prepareMatch(edited(() => {})).combined, true)).toEqual(toAssignmentProblem(prepareMatch(parseCohort(doc)).combined, true));
  });

  it('matches a raw document that passes as a cohort as parseCohort would have it', () => {
    const raw = { ...structuredClone(doc), people: [], relations: [] };
    const before = structuredClone(raw);
    expect(match(raw as unknown as Cohort)).toEqual(match(parseCohort(doc)));
    expect(raw).toEqual(before);
  });

  it('answers a frozen cohort that refers back to itself with an error, not a crash', () => {
    const cyclic = structuredClone(parseCohort(doc)) as Editable;
    cyclic.coachees[0].meta = { cohort: cyclic };
    freezeDeep(cyclic);
    expect(invalidPaths(cyclic)).toEqual(['$.coachees[0].meta']);
  });

  it('matches a copy of a parsed cohort as the parsed cohort, leaving the copy alone', () => {
    fc.assert(
      fc.property(cohortArbitrary({ maxCoachees: 6, maxCoaches: 4 }), (input) => {
        const parsed = parseCohort(input);
        const copy = structuredClone(parsed) as Cohort;
        const before = structuredClone(copy);
        expect(match(copy)).toEqual(match(parsed));
        expect(copy).toEqual(before);
      }),
      { numRuns: runs(30) },
    );
  });

  it('refuses any copy edited to a value the document schema refuses, naming its path', () => {
    const badCapacity = fc.constantFrom<unknown>(Infinity, -Infinity, Number.NaN, 1.5, -1, '2', null, 2n, [], {});
    fc.assert(
      fc.property(cohortArbitrary({ minCoaches: 1, maxCoachees: 5, maxCoaches: 4 }), fc.nat(), badCapacity, (input, pick, capacity) => {
        const copy = structuredClone(parseCohort(input)) as Editable;
        const n = pick % copy.coaches.length;
        copy.coaches[n].capacity = capacity;
        expect(invalidPaths(copy)).toContain(`$.coaches[${n}].capacity`);
      }),
      { numRuns: runs(30) },
    );
  });
});
