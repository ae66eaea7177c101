import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { numericSharing, setSharing } from '../../src/features/_internals/poolSharing.js';
import { runs } from '../helpers/runs.js';

/** Values where floating-point rounding bites: tenths, sums of tenths, signed zeros, extremes, NaN. */
const awkward = fc.oneof(
  fc.constantFrom(NaN, 0, -0, 0.1 + 0.2, 0.3, 0.7, 1 - 0.9, 1e-300, Number.EPSILON, Number.MAX_VALUE, -Number.MAX_VALUE),
  fc.integer({ min: -60, max: 60 }).map((k) => k * 0.1),
  fc.tuple(fc.integer({ min: -30, max: 30 }), fc.integer({ min: -30, max: 30 })).map(([a, b]) => a / 10 + b / 10),
);
const poolValue = fc.oneof(fc.integer({ min: -8, max: 8 }), awkward, fc.double({ noDefaultInfinity: true }));
const within = fc.oneof(
  fc.constant(0),
  fc.constantFrom(0.1, 0.2, 0.3, 0.1 + 0.2, 1, 5),
  fc.integer({ min: 0, max: 30 }).map((k) => k * 0.1),
  fc.double({ min: 0, max: 1e6, noNaN: true }),
);

function bruteNumeric(pool: Float64Array, within: number, a: number): number {
  let n = 0;
  for (const b of pool) if (Math.abs(a - b) <= within) n++;
  return n;
}

describe(numericSharing, () => {
  it('counts the pool values b with |a − b| <= within exactly, rounding and NaN included', () => {
    const input = fc
      .record({ pool: fc.array(poolValue, { maxLength: 30 }), within })
      .chain(({ pool, within }) => {
        // Queries on the boundary: a pool value shifted by ±within, as rounding leaves it.
        const nearPool = pool.length === 0 ? [] : [fc.tuple(fc.constantFrom(...pool), fc.constantFrom(-1, 1)).map(([b, s]) => b + s * within)];
        const query = fc.oneof(poolValue, fc.constant(NaN), ...(pool.length === 0 ? [] : [fc.constantFrom(...pool)]), ...nearPool);
        return fc.record({ pool: fc.constant(pool), within: fc.constant(within), queries: fc.array(query, { minLength: 1, maxLength: 12 }) });
      });
    fc.assert(
      fc.property(input, ({ pool, within, queries }) => {
        const values = Float64Array.from(pool);
        const sharing = numericSharing(values, within);
        for (const a of queries) expect(sharing(a), `a = ${a}, within = ${within}`).toBe(bruteNumeric(values, within, a));
        // The counter works on its own copy: the caller's pool is not reordered.
        expect(Array.from(values)).toEqual(pool);
      }),
      { numRuns: runs(400) },
    );
  });

  it('gives 0 for a NaN query, whatever the pool', () => {
    fc.assert(
      fc.property(fc.array(poolValue, { maxLength: 20 }), within, (pool, w) => {
        expect(numericSharing(Float64Array.from(pool), w)(NaN)).toBe(0);
      }),
      { numRuns: runs(50) },
    );
  });
});

/** A 32-bit word, often from a small vocabulary so that equal sets (and cache hits) are common. */
const word = fc.oneof(
  fc.constantFrom(0, 0, 1, 2, 3, 0x80000000, 0xffffffff),
  fc.integer({ min: 0, max: 15 }),
  fc.integer({ min: 0, max: 0xffffffff }),
);

function bruteSet(pool: Uint32Array, words: number, members: number, query: Uint32Array, at: number): number {
  let n = 0;
  for (let j = 0; j < members; j++) {
    let meets = false;
    for (let w = 0; w < words; w++) if ((pool[j * words + w]! & query[at * words + w]!) !== 0) meets = true;
    if (meets) n++;
  }
  return n;
}

describe(setSharing, () => {
  it('counts the pool members whose set meets the query, for repeated queries and the pool\'s own sets', () => {
    const input = fc
      .record({ words: fc.integer({ min: 1, max: 3 }), members: fc.integer({ min: 0, max: 20 }), queries: fc.integer({ min: 1, max: 8 }) })
      .chain(({ words, members, queries }) =>
        fc.record({
          words: fc.constant(words),
          members: fc.constant(members),
          queries: fc.constant(queries),
          pool: fc.array(word, { minLength: members * words, maxLength: members * words }),
          queryBits: fc.array(word, { minLength: queries * words, maxLength: queries * words }),
          // Each query index asked several times and in any order, so answers come from the cache too.
          asks: fc.array(fc.nat(queries - 1), { minLength: 1, maxLength: 3 * queries }),
        }),
      );
    fc.assert(
      fc.property(input, ({ words, members, pool, queryBits, asks }) => {
        const poolBits = Uint32Array.from(pool);
        const queries = Uint32Array.from(queryBits);
        const sharing = setSharing(poolBits, words, members);
        for (const at of asks) expect(sharing(queries, at), `query ${at}`).toBe(bruteSet(poolBits, words, members, queries, at));
        for (let j = 0; j < members; j++) expect(sharing(poolBits, j), `member ${j}`).toBe(bruteSet(poolBits, words, members, poolBits, j));
        // An empty query meets nothing.
        expect(sharing(new Uint32Array(words), 0)).toBe(0);
      }),
      { numRuns: runs(300) },
    );
  });
});
