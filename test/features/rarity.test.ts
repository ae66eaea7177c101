import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PoolCoach } from '../../src/features/coachPool.js';
import { rarity } from '../../src/features/rarity.js';
import { attributes, background, gender, hobbies, profileArb } from './support.js';

const pool: PoolCoach[] = [
  { attributes: { background: 'migration', gender: 'f', hobbies: ['chess', 'football'] } },
  { attributes: { background: 'academic', gender: 'f', hobbies: ['football'] } },
  { attributes: { background: 'academic', gender: 'm', hobbies: ['football'] } },
  { attributes: { background: 'academic', gender: 'm' } },
];
const decl = [background, gender, hobbies];

describe(rarity, () => {
  it('is 1 minus the share of the pool holding the coach’s value, per attribute', () => {
    const r = rarity(pool[0]!, pool, decl);
    expect(r.byKey.background).toBe(0.75);
    expect(r.byKey.gender).toBe(0.5);
  });
  it('counts the rarest element of a set', () => {
    expect(rarity(pool[0]!, pool, decl).byKey.hobbies).toBe(0.75);
    expect(rarity(pool[1]!, pool, decl).byKey.hobbies).toBe(0.25);
  });
  it('scores the rarest value, scaled by its attribute’s weight', () => {
    // background weighs 1.5 (the largest): 0.75 counts in full
    expect(rarity(pool[0]!, pool, decl).score).toBe(0.75);
    // academic (0.25 × 1), f (0.5 × 1/1.5), football (0.25 × 0.5/1.5): gender wins
    expect(rarity(pool[1]!, pool, decl).score).toBeCloseTo(1 / 3, 12);
  });
  it('leaves out attributes the coach has no value for', () => {
    expect(rarity(pool[3]!, pool, decl).byKey).toEqual({ background: 0.25, gender: 0.5 });
  });
  it('ignores inactive coaches', () => {
    const withInactive = [...pool, { attributes: { background: 'migration' }, active: false }];
    expect(rarity(pool[0]!, withInactive, decl)).toEqual(rarity(pool[0]!, pool, decl));
  });
  it('stays in [0, 1] and does not depend on pool order', () => {
    fc.assert(
      fc.property(fc.array(profileArb, { minLength: 1, maxLength: 8 }), (coaches) => {
        for (const c of coaches) {
          const r = rarity(c, coaches, attributes);
          expect(r.score).toBeGreaterThanOrEqual(0);
          expect(r.score).toBeLessThanOrEqual(1);
          expect(rarity(c, [...coaches].reverse(), attributes)).toEqual(r);
        }
      }),
    );
  });
});
