import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { commonGround } from '../../src/features/commonGround.js';
import type { PoolCoach } from '../../src/features/coachPool.js';
import { sharedRarity } from '../../src/features/sharedRarity.js';
import { attributes, background, gender, profileArb } from './support.js';

const pool: PoolCoach[] = [
  { attributes: { background: 'migration', gender: 'f' } },
  { attributes: { background: 'academic', gender: 'f' } },
  { attributes: { background: 'academic', gender: 'm' } },
  { attributes: { background: 'academic', gender: 'm' } },
];
const decl = [background, gender];

describe(sharedRarity, () => {
  it('is high when the coach is one of the few sharing the coachee’s background', () => {
    expect(sharedRarity({ attributes: { background: 'migration', gender: 'm' } }, pool[0]!, pool, decl)).toBe(0.75);
  });
  it('takes the rarest shared value, scaled by attribute weight', () => {
    // gender f is shared (rarity 0.5, weight 1 of the largest 1.5), background academic (0.25)
    expect(sharedRarity({ attributes: { background: 'academic', gender: 'f' } }, pool[1]!, pool, decl)).toBeCloseTo(0.5 / 1.5, 12);
  });
  it('is 0 when the pair shares nothing', () => {
    expect(sharedRarity({ attributes: { background: 'migration', gender: 'm' } }, pool[1]!, pool, decl)).toBe(0);
  });
  it('is in [0, 1] and positive exactly when there is common ground', () => {
    fc.assert(
      fc.property(profileArb, fc.array(profileArb, { minLength: 1, maxLength: 6 }), (coachee, coaches) => {
        for (const coach of coaches) {
          const s = sharedRarity(coachee, coach, coaches, attributes);
          expect(s).toBeGreaterThanOrEqual(0);
          expect(s).toBeLessThanOrEqual(1);
          if (commonGround(coachee, coach, attributes).score === 0) expect(s).toBe(0);
        }
      }),
    );
  });
});
