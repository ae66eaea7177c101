import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { float64Slices, int32Slices } from '../../src/candidates/typedSlices.js';
import { runs } from '../helpers/runs.js';

describe('TypedSlices', () => {
  it('hands out zeroed views of the lengths asked, none sharing an entry, blocks or no blocks', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 16 }), fc.array(fc.nat({ max: 40 }), { maxLength: 30 }), (blockLength, lengths) => {
        const slices = int32Slices(blockLength);
        const views = lengths.map((n) => slices.take(n));
        views.forEach((view, q) => {
          expect(view).toBeInstanceOf(Int32Array);
          expect(view.length).toBe(lengths[q]);
          expect(view.every((v) => v === 0)).toBe(true);
        });
        // Writing each view its own mark shows no two overlap.
        views.forEach((view, q) => view.fill(q + 1));
        views.forEach((view, q) => expect(view.every((v) => v === q + 1), `view ${q}`).toBe(true));
      }),
      { numRuns: runs(200) },
    );
  });

  it('serves doubles alike', () => {
    const slices = float64Slices(4);
    const a = slices.take(3);
    const b = slices.take(3);
    a.fill(0.5);
    expect(a).toBeInstanceOf(Float64Array);
    expect(Array.from(b)).toEqual([0, 0, 0]);
  });
});
