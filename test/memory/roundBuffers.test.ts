import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RoundBuffers } from '../../src/memory/roundBuffers.js';
import { runs } from '../helpers/runs.js';

describe('RoundBuffers', () => {
  it('keeps what each of the last `generations` takes wrote, at the lengths asked for', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 3 }), fc.array(fc.integer({ min: 0, max: 300 }), { minLength: 1, maxLength: 12 }), (generations, lengths) => {
        const room = new RoundBuffers(Float64Array, generations);
        const taken: Float64Array[] = [];
        lengths.forEach((length, t) => {
          const view = room.take(length);
          expect(view.length).toBe(length);
          view.fill(t);
          taken.push(view);
          // Every take still alive (this one and the generations − 1 before) holds its own mark.
          for (let back = 0; back < Math.min(generations, taken.length); back++) {
            const earlier = taken[taken.length - 1 - back]!;
            expect(earlier.every((v) => v === t - back)).toBe(true);
          }
        });
      }),
      { numRuns: runs(300) },
    );
  });

  it('hands the same buffer out again when it is large enough, a larger one when it is not', () => {
    const room = new RoundBuffers(Int32Array, 2);
    const first = room.take(1_000);
    const second = room.take(1_000);
    expect(second.buffer).not.toBe(first.buffer);
    // A round a little larger fits in the room set aside for growth.
    const third = room.take(1_050);
    expect(third.buffer).toBe(first.buffer);
    expect(third.buffer.byteLength).toBeGreaterThanOrEqual(1_050 * Int32Array.BYTES_PER_ELEMENT);
    const fourth = room.take(5_000);
    expect(fourth.buffer).not.toBe(second.buffer);
    expect(fourth.length).toBe(5_000);
  });

  it('replaces a buffer that proved too small by one half as large again (or as asked, with room), not just as large as asked', () => {
    const room = new RoundBuffers(Float64Array, 1);
    const first = room.take(1_000);
    // Just past its room: the new buffer leaves room for growing on.
    const grown = room.take(first.buffer.byteLength / Float64Array.BYTES_PER_ELEMENT + 1);
    expect(grown.buffer).not.toBe(first.buffer);
    expect(grown.buffer.byteLength).toBeGreaterThanOrEqual(1.5 * first.buffer.byteLength);
  });

  it('refuses a number of generations below 1', () => {
    expect(() => new RoundBuffers(Int32Array, 0)).toThrow(RangeError);
    expect(() => new RoundBuffers(Int32Array, 1.5)).toThrow(RangeError);
  });
});
