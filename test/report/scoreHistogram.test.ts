import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { histogramBins } from '../../src/report/histogramBins.js';
import { scoreHistogram } from '../../src/report/scoreHistogram.js';

/** The bars' tooltips: count and edges as printed. */
const tips = (svg: string) => [...svg.matchAll(/<title>(\d+) pairs? scoring (−?[\d.,]+) to (−?[\d.,]+)<\/title>/g)].map((m) => ({ count: Number(m[1]), from: Number(m[2]!.replace('−', '-').replace(/,/g, '')), to: Number(m[3]!.replace('−', '-').replace(/,/g, '')) }));

describe(scoreHistogram, () => {
  it('prints each bar’s edges as the bins have them, so every score lies within the edges printed for its bar (hunt J: bins 2.5 wide printed as 0 to 3, 3 to 5)', () => {
    // Spans of every size, so the bins come 1, 2, 2.5 or 5 times a power of ten wide.
    const scaled = fc.tuple(fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 2, maxLength: 60 }), fc.constantFrom(0.03, 0.25, 1, 2.5, 7, 25, 60, 250), fc.double({ min: -5, max: 5, noNaN: true }));
    fc.assert(
      fc.property(scaled.map(([unit, span, shift]) => unit.map((u) => shift + u * span)), (scores) => {
        const { start, width, counts } = histogramBins(scores);
        const bars = tips(scoreHistogram(scores));
        expect(bars).toHaveLength(counts.length);
        bars.forEach((bar, i) => {
          expect(bar.from).toBeCloseTo(start + i * width, 9);
          expect(bar.to).toBeCloseTo(start + (i + 1) * width, 9);
          expect(bar.count).toBe(counts[i]);
        });
      }),
      { numRuns: 200 },
    );
  });
});
