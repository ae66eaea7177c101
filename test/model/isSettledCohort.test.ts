import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { match } from '../../src/engine/match.js';
import type { Cohort } from '../../src/model/cohort.js';
import { isParsedCohort, isSettledCohort } from '../../src/model/isSettledCohort.js';
import { parseCohort } from '../../src/model/parseCohort.js';
import { freezeDeep } from '../helpers/freezeDeep.js';

const parsed = parseCohort(JSON.parse(readFileSync(new URL('../../fixtures/alumni-programme.json', import.meta.url), 'utf8')));

describe(isSettledCohort, () => {
  it('holds for a parsed cohort, not for a copy the caller can change', () => {
    expect(isSettledCohort(parsed)).toBe(true);
    expect(isSettledCohort(structuredClone(parsed) as Cohort)).toBe(false);
    // Frozen on top but not below is not settled.
    const shallow = Object.freeze({ ...structuredClone(parsed) }) as Cohort;
    expect(isSettledCohort(shallow)).toBe(false);
  });

  it('keeps match from answering for old data when the caller changes its own cohort between matches', () => {
    const mutations: ((c: any) => void)[] = [
      (c) => (c.coaches[0].capacity = 0),
      (c) => (c.coaches[0].active = false),
      (c) => (c.coaches[0].attributes = { ...c.coaches[0].attributes, sector: 'nothing', role: 'nothing' }),
      (c) => (c.coachees[0].avoid = c.coaches.map((x: { id: string }) => x.id).filter((id: string) => id !== c.coaches[5].id)),
    ];
    for (const mutate of mutations) {
      const own = structuredClone(parsed) as Cohort;
      match(own);
      mutate(own);
      expect(match(own)).toEqual(match(structuredClone(own) as Cohort));
    }
  });

  it('answers for a frozen cohort that refers back to itself (it walked the cycle until the heap ran out)', () => {
    const cyclic = structuredClone(parsed) as any;
    cyclic.coachees[0].meta = { cohort: cyclic, again: cyclic.coachees };
    freezeDeep(cyclic);
    expect(isSettledCohort(cyclic as Cohort)).toBe(true);
    // Settled is not valid: only parseCohort's own cohort is known to be.
    expect(isParsedCohort(cyclic)).toBe(false);
  });

  it('knows only the very cohort parseCohort returned as parsed, not a copy, frozen or not', () => {
    expect(isParsedCohort(parsed)).toBe(true);
    const copy = structuredClone(parsed);
    expect(isParsedCohort(copy)).toBe(false);
    const freeze = (o: unknown): void => {
      if (typeof o !== 'object' || o === null) return;
      for (const v of Object.values(o)) freeze(v);
      Object.freeze(o);
    };
    freeze(copy);
    expect(isSettledCohort(copy as Cohort)).toBe(true);
    expect(isParsedCohort(copy)).toBe(false);
    for (const other of [null, undefined, 3, 'cohort']) expect(isParsedCohort(other)).toBe(false);
  });
});
