/**
 * An infeasible matching's diagnosis, in words: a diagnosis names at most 100 people, so the
 * wording counts the rest and its numbers add up, on the dense path and on candidate pairs
 * beyond the every-pair fallback.
 */
import { describe, expect, it } from 'vitest';
import { match } from '../../src/engine/match.js';
import type { CohortInput } from '../../src/model/cohortSchema.js';
import { parseCohort } from '../../src/model/parseCohort.js';

const ones = { socioEmotional: 1, network: 1, autonomy: 1, career: 1 };
const coaches = ['c0', 'c1', 'c2'].map((id, j) => ({ id, name: id, capacity: j === 0 ? 1 : 200, support: ones }));
/** 150 coachees, each avoiding the coaches given. */
const avoiding = (avoid: string[]): CohortInput => ({
  coaches,
  coachees: Array.from({ length: 150 }, (_, i) => ({ id: `e${String(i).padStart(3, '0')}`, name: `e${i}`, needs: ones, avoid })),
});
const diagnosis = (doc: CohortInput, candidates: 'never' | 'always') => {
  const matching = match(parseCohort(doc), { allowUnmatched: false, candidates, candidateSettings: { k: 1, maxRounds: 20, fallbackPairs: 0 } });
  expect(matching.status).toBe('infeasible');
  return matching.diagnosis;
};

describe('infeasible diagnosis wording', () => {
  it.each(['never', 'always'] as const)('counts the coachees without an allowed coach beyond the 100 it names (candidates: %s)', (candidates) => {
    const text = diagnosis(avoiding(['c0', 'c1', 'c2']), candidates).find((d) => d.startsWith('coachees with no allowed coach'));
    const parts = /^coachees with no allowed coach: (.+) and (\d+) more$/.exec(text ?? '');
    expect(parts, text).not.toBeNull();
    expect(parts![1]!.split(', ')).toHaveLength(100);
    expect(Number(parts![2])).toBe(50);
  });

  it('counts the coachees of a group beyond the 100 it names, so the shortfall adds up', () => {
    // All 150 compete for c0's single place.
    const text = diagnosis(avoiding(['c1', 'c2']), 'never').find((d) => d.includes('can only go to'));
    const parts = /^coachees (.+) and (\d+) more can only go to coaches c0, who are (\d+) place\(s\) short$/.exec(text ?? '');
    expect(parts, text).not.toBeNull();
    expect(parts![1]!.split(', ')).toHaveLength(100);
    expect(100 + Number(parts![2]) - 1).toBe(Number(parts![3]));
  });
});
