import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { histogramBins } from '../../src/report/histogramBins.js';

describe(histogramBins, () => {
  it('puts every value in exactly one bin that covers it', () => {
    const values = fc.array(fc.double({ min: -5, max: 10, noNaN: true }), { minLength: 1, maxLength: 200 });
    fc.assert(
      fc.property(values, fc.integer({ min: 1, max: 20 }), (xs, target) => {
        const { start, width, counts } = histogramBins(xs, target);
        expect(counts.reduce((a, b) => a + b, 0)).toBe(xs.length);
        // The bins snap to a multiple of the width within 1e-9 of a width (rounding noise such
        // as 0.3 / 0.1 = 2.9999999999999996), so "covers" holds to that tolerance.
        expect(start).toBeLessThanOrEqual(Math.min(...xs) + 1e-9 * width);
        expect(start + counts.length * width).toBeGreaterThanOrEqual(Math.max(...xs) - 1e-9 * width);
      }),
    );
  });
  it('covers a value a hair below a multiple of the width (found by fast-check, seed -943896545)', () => {
    const xs = [0.9999999990532183, -1.9467818468399405e-9, 0];
    const { start, width, counts } = histogramBins(xs, 1);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(3);
    expect(start).toBeLessThanOrEqual(Math.min(...xs) + 1e-9 * width);
  });
  it('uses a round width and starts on a multiple of it', () => {
    const { start, width, counts } = histogramBins([1.1, 1.3, 2.4], 4);
    expect({ start, width, counts }).toEqual({ start: 1, width: 0.5, counts: [2, 0, 1] });
  });
  it('keeps about the number of bins asked for', () => {
    const xs = Array.from({ length: 100 }, (_, i) => 1.5 + i * 0.013);
    const bins = histogramBins(xs, 10).counts.length;
    expect(bins).toBeGreaterThanOrEqual(5);
    expect(bins).toBeLessThanOrEqual(12);
  });
  it('gives one bin when all values are equal and none for no values', () => {
    expect(histogramBins([2, 2, 2]).counts).toEqual([3]);
    expect(histogramBins([]).counts).toEqual([]);
  });
});
