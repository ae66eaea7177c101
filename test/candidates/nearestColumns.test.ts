/**
 * NearestColumns against a sort: it keeps the columns of least slack and knows the least
 * slack of the others, the two facts a certificate's memory rests on.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NearestColumns } from '../../src/candidates/nearestColumns.js';
import { runs } from '../helpers/runs.js';

describe('NearestColumns', () => {
  it('keeps the least slacks and the least slack of the rest, whatever the order of offers', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.integer({ min: -3, max: 3 }), fc.double({ noNaN: true, min: -50, max: 50 })), { maxLength: 80 }),
        fc.integer({ min: 0, max: 20 }),
        fc.boolean(),
        (slacks, capacity, skipAtLimit) => {
          const nearest = new NearestColumns(capacity);
          // Twice over, to check that reset forgets the first round.
          for (const round of [0, 1]) {
            nearest.reset();
            slacks.forEach((s, j) => {
              // Callers may count offers at or above the limit themselves.
              if (skipAtLimit && round === 1 && !(s < nearest.limit)) return;
              nearest.offer(j, s);
            });
          }
          const sorted = [...slacks].sort((a, b) => a - b);
          const keptCols = new Int32Array(capacity + 2);
          const keptSlacks = new Float64Array(capacity + 2);
          const size = nearest.writeKept(keptCols, keptSlacks, 1);
          const kept = Array.from(keptCols.subarray(1, 1 + size));
          // Each kept column comes with its own slack.
          kept.forEach((j, q) => expect(keptSlacks[1 + q]).toBe(slacks[j]));
          expect(kept).toEqual([...kept].sort((a, b) => a - b));
          expect(new Set(kept).size).toBe(kept.length);
          expect(kept.map((j) => slacks[j]!).sort((a, b) => a - b)).toEqual(sorted.slice(0, capacity));
          const rest = slacks.filter((_, j) => !kept.includes(j));
          const leastOfRest = rest.length === 0 ? Infinity : Math.min(...rest);
          // Skipped offers are the caller's to count: then leastOut covers only the others.
          if (skipAtLimit) expect(nearest.leastOut).toBeGreaterThanOrEqual(leastOfRest);
          else expect(nearest.leastOut).toBe(leastOfRest);
        },
      ),
      { numRuns: runs(300) },
    );
  });
});
