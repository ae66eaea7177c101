import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { setOverlap } from '../../src/features/setOverlap.js';

const setArb = fc.uniqueArray(fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'));

describe(setOverlap, () => {
  it('is the Jaccard index', () => {
    expect(setOverlap(['chess', 'running'], ['running', 'sailing'])).toBeCloseTo(1 / 3, 12);
    expect(setOverlap(['a', 'b'], ['b', 'a'])).toBe(1);
    expect(setOverlap(['a'], ['b'])).toBe(0);
  });
  it('ignores duplicates', () => {
    expect(setOverlap(['a', 'a', 'b'], ['a', 'b'])).toBe(1);
  });
  it('treats missing or empty sets as no overlap', () => {
    expect(setOverlap([], [])).toBe(0);
    expect(setOverlap(undefined, ['a'])).toBe(0);
  });
  it('is symmetric and in [0, 1]', () => {
    fc.assert(
      fc.property(setArb, setArb, (a, b) => {
        const s = setOverlap(a, b);
        expect(s).toBe(setOverlap(b, a));
        expect(s).toBeGreaterThanOrEqual(0);
        expect(s).toBeLessThanOrEqual(1);
      }),
    );
  });
  it('is 1 exactly for equal non-empty sets', () => {
    fc.assert(
      fc.property(setArb, setArb, (a, b) => {
        const equal = a.length > 0 && a.length === b.length && a.every((x) => b.includes(x));
        expect(setOverlap(a, b) === 1).toBe(equal);
      }),
    );
  });
});
