import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { numericCloseness } from '../../src/features/numericCloseness.js';

const range = { min: 20, max: 70 };
const inRange = fc.double({ min: 20, max: 70, noNaN: true });

describe(numericCloseness, () => {
  it('is 1 minus the distance as a share of the span', () => {
    expect(numericCloseness(25, 35, range)).toBeCloseTo(0.8, 12);
    expect(numericCloseness(20, 70, range)).toBe(0);
    expect(numericCloseness(40, 40, range)).toBe(1);
  });
  it('treats a missing value as no closeness', () => {
    expect(numericCloseness(undefined, 30, range)).toBe(0);
    expect(numericCloseness(30, Number.NaN, range)).toBe(0);
  });
  it('stays in [0, 1] even outside the scale', () => {
    expect(numericCloseness(0, 200, range)).toBe(0);
    fc.assert(
      fc.property(fc.double({ noNaN: true, min: -1e6, max: 1e6 }), fc.double({ noNaN: true, min: -1e6, max: 1e6 }), (a, b) => {
        const s = numericCloseness(a, b, range);
        expect(s).toBeGreaterThanOrEqual(0);
        expect(s).toBeLessThanOrEqual(1);
      }),
    );
  });
  it('is symmetric', () => {
    fc.assert(
      fc.property(inRange, inRange, (a, b) => {
        expect(numericCloseness(a, b, range)).toBe(numericCloseness(b, a, range));
      }),
    );
  });
  it('never rates a farther value closer', () => {
    fc.assert(
      fc.property(inRange, fc.double({ min: 0, max: 50, noNaN: true }), fc.double({ min: 0, max: 50, noNaN: true }), (a, d1, d2) => {
        const [near, far] = d1 <= d2 ? [d1, d2] : [d2, d1];
        expect(numericCloseness(a, a + far, range)).toBeLessThanOrEqual(numericCloseness(a, a + near, range));
      }),
    );
  });
});
