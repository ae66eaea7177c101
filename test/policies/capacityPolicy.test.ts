import { describe, expect, it } from 'vitest';
import { combinePolicies } from '../../src/engine/combinePolicies.js';
import { match } from '../../src/engine/match.js';
import { parseCohort } from '../../src/model/parseCohort.js';
import { capacityPolicy } from '../../src/policies/capacityPolicy.js';
import { coach, coachee, cohortDoc, contextOf } from './support.js';

const doc = cohortDoc({
  coaches: [coach('c1', {}, { capacity: 3, minLoad: 2 }), coach('c2', {}, { capacity: 0 }), coach('off', {}, { capacity: 5, active: false }), coach('c3', {}, { capacity: 2 })],
  coachees: ['s1', 's2', 's3', 's4'].map((id) => coachee(id, { sector: 'HR' }, { aspiration: { sector: 'HR' } })),
});

describe('capacityPolicy', () => {
  it('gives each active coach’s capacity and minimum load, in column order', () => {
    const ctx = contextOf(doc);
    const out = capacityPolicy.apply(ctx);
    expect(ctx.features.coachIds).toEqual(['c1', 'c2', 'c3']);
    expect([...out.capacity!]).toEqual([3, 0, 2]);
    expect([...out.minLoad!]).toEqual([2, 0, 0]);
  });
  it('combines with other policies’ limits: the tightest capacity and the largest minimum win', () => {
    const ctx = contextOf(doc);
    const other = { capacity: Int32Array.from([1, 4, 5]), minLoad: Int32Array.from([0, 0, 1]) };
    const combined = combinePolicies(4, 3, [capacityPolicy.apply(ctx), other]);
    expect([...combined.capacity]).toEqual([1, 0, 2]);
    expect([...combined.minLoad]).toEqual([2, 0, 1]);
  });
  it('makes the engine keep capacities, and minimum loads as hard minimums', () => {
    // c3 fits every coachee better, but c1 must take at least 2. (Matching.status documents
    // minimum loads as hard constraints; coachSchema's "if the coach is used at all" disagrees.)
    const better = cohortDoc({
      coaches: [coach('c1', {}, { capacity: 3, minLoad: 2 }), coach('c3', { sector: 'HR' }, { capacity: 3 })],
      coachees: ['s1', 's2', 's3', 's4'].map((id) => coachee(id, {}, { aspiration: { sector: 'HR' } })),
    });
    const loads = match(parseCohort(better)).coaches.map((c) => [c.coachId, c.load]);
    expect(loads).toEqual([['c1', 2], ['c3', 2]]);
  });
  it('leaves coachees unmatched, with a reason, when places run out', () => {
    const short = cohortDoc({ coaches: [coach('c1', {}, { capacity: 1 })], coachees: [coachee('s1'), coachee('s2')] });
    const matching = match(parseCohort(short));
    expect(matching.kpis.matched).toBe(1);
    const unmatched = matching.coachees.find((c) => c.status === 'unmatched');
    expect(unmatched?.status === 'unmatched' && unmatched.reason.length).toBeGreaterThan(0);
  });
});
