import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PoolCoach } from '../../src/features/coachPool.js';
import { insiderness } from '../../src/features/insiderness.js';
import { attributes, gender, nationality, profileArb } from './support.js';

const pool: PoolCoach[] = [
  { attributes: { gender: 'f', nationality: 'NL' } },
  { attributes: { gender: 'm', nationality: 'NL' } },
  { attributes: { gender: 'm', nationality: 'NL' } },
  { attributes: { gender: 'm', nationality: 'DE' } },
];
const decl = [gender, nationality];
const ins = (a: Record<string, string>, coaches = pool) => insiderness({ attributes: a }, coaches, decl);

describe(insiderness, () => {
  it('is 1 for a coachee who holds the pool’s most common values', () => {
    expect(ins({ gender: 'm', nationality: 'NL' })).toBe(1);
  });
  it('measures each attribute against the share of the pool’s most common value', () => {
    expect(ins({ gender: 'f', nationality: 'DE' })).toBeCloseTo(1 / 3, 12);
    expect(ins({ gender: 'f', nationality: 'CN' })).toBeCloseTo(1 / 6, 12);
  });
  it('counts nobody as a newcomer on an evenly split attribute', () => {
    const even: PoolCoach[] = [{ attributes: { gender: 'f' } }, { attributes: { gender: 'm' } }];
    expect(ins({ gender: 'f' }, even)).toBe(1);
  });
  it('skips attributes the coachee has no value for, and is 0 without any', () => {
    expect(ins({ nationality: 'DE' })).toBeCloseTo(1 / 3, 12);
    expect(ins({})).toBe(0);
  });
  it('ignores inactive coaches', () => {
    const withInactive = [...pool, { attributes: { gender: 'f', nationality: 'CN' }, active: false }];
    expect(ins({ gender: 'f', nationality: 'CN' }, withInactive)).toBe(ins({ gender: 'f', nationality: 'CN' }));
  });
  it('is 0 with an empty pool', () => {
    expect(ins({ gender: 'm' }, [])).toBe(0);
  });
  it('stays in [0, 1]', () => {
    fc.assert(
      fc.property(profileArb, fc.array(profileArb, { maxLength: 8 }), (c, coaches) => {
        const x = insiderness(c, coaches, attributes);
        expect(x).toBeGreaterThanOrEqual(0);
        expect(x).toBeLessThanOrEqual(1);
      }),
    );
  });
  it('does not depend on the order of the coaches', () => {
    fc.assert(
      fc.property(profileArb, fc.array(profileArb, { maxLength: 8 }), fc.integer(), (c, coaches, seed) => {
        const shuffled = [...coaches].sort((a, b) => ((JSON.stringify(a).length * 31 + seed) % 7) - ((JSON.stringify(b).length * 31 + seed) % 7));
        expect(insiderness(c, shuffled, attributes)).toBeCloseTo(insiderness(c, coaches, attributes), 12);
        expect(insiderness(c, [...coaches].reverse(), attributes)).toBeCloseTo(insiderness(c, coaches, attributes), 12);
      }),
    );
  });
  it('never drops when the coachee takes the value most coaches have', () => {
    fc.assert(
      fc.property(fc.constantFrom('f', 'm', 'x'), fc.constantFrom('NL', 'DE', 'CN'), (g, n) => {
        expect(ins({ gender: 'm', nationality: n })).toBeGreaterThanOrEqual(ins({ gender: g, nationality: n }));
        expect(ins({ gender: g, nationality: 'NL' })).toBeGreaterThanOrEqual(ins({ gender: g, nationality: n }));
      }),
    );
  });
});
