import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultPairBudget, PAIR_BUDGET } from '../../src/candidates/matchOnCandidates.js';

describe('defaultPairBudget', () => {
  it('keeps the memory model within 1.85 GB unless the first rounds need more, never above PAIR_BUDGET, never below 60 pairs a coachee', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), (rows) => {
        const budget = defaultPairBudget(rows);
        expect(Number.isInteger(budget)).toBe(true);
        expect(budget).toBeLessThanOrEqual(PAIR_BUDGET);
        expect(budget).toBeGreaterThanOrEqual(Math.min(PAIR_BUDGET, 60 * rows));
        // 70 bytes a pair and 5.5 KB a coachee: within the aim whenever the floor does not bind.
        if (budget > 60 * rows) expect(budget * 70 + rows * 5_500).toBeLessThanOrEqual(1_850_000_000);
      }),
    );
  });

  it('gives small cohorts the whole budget and shrinks it as cohorts grow, down to the floor', () => {
    expect(defaultPairBudget(10_000)).toBe(PAIR_BUDGET);
    expect(defaultPairBudget(50_000)).toBeLessThan(PAIR_BUDGET);
    expect(defaultPairBudget(100_000)).toBeLessThan(defaultPairBudget(50_000));
    // 100,000 × 10,000 of 15 kinds peaked at 2.2–2.3 GB at 24 million pairs, 1.70 GB at 17.3 million.
    expect(defaultPairBudget(100_000)).toBeLessThan(20_000_000);
    expect(defaultPairBudget(400_000)).toBe(60 * 400_000);
  });
});
