/**
 * fast-check arbitraries of hostile values for fuzzing the edges: numbers that break
 * arithmetic, strings that break ids, JSON shapes that break parsers.
 */
import fc from 'fast-check';

/**
 * Numbers that break arithmetic or typed arrays: NaN, ±Infinity, -0, huge and tiny values,
 * fractions, negatives, integer-type boundaries. Values whose misuse is a known, separately
 * tested bug (capacities ≥ 2^31 - 1, weights or priorities whose sums overflow) are left out
 * here so that each bug has one minimal failing test; see `test/fuzz/knownBugs.test.ts`.
 */
export const hostileNumber: fc.Arbitrary<number> = fc.oneof(
  fc.constantFrom(NaN, Infinity, -Infinity, -0, 0, 1, -1, 0.5, -0.5, 1e-300, 5e-324, 2 ** 31 - 2, -(2 ** 31), 1e15, 1e100, -1e100),
  fc.double({ min: -1e100, max: 1e100 }),
  fc.integer({ min: -5, max: 50 }),
);

/** Strings standing for numbers: what a spreadsheet or a careless script writes. */
export const numberLikeString: fc.Arbitrary<string> = fc.constantFrom('NaN', 'Infinity', '-Infinity', '1e999', '-0', '0x10', '1,5', '3 ', '', ' ', '١٢', 'null', 'undefined', 'true');

/**
 * Hostile ids: empty, whitespace, very long, lookalikes (Cyrillic с for Latin c), bidi and
 * zero-width marks, lone surrogates, NFC vs NFD, names of Object.prototype members, JSON
 * path syntax, control characters, and arbitrary unicode.
 */
export const hostileId: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '', ' ', '\t', 'c1', 'с1', 'c1\u200F', '\u202Ec1', '\u200Bc1', 'c\u200D1', '\uD800', '\uDC00', 'é', 'e\u0301', 'İ', 'i̇',
    '__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', '$.coaches[0]', 'a"b', 'a\\b', 'a\nb', '\u0000', '<script>', '💥', 'x'.repeat(10_000),
  ),
  fc.string({ unit: 'grapheme', maxLength: 12 }),
  fc.string({ unit: 'binary', maxLength: 8 }),
);

/** Any JSON value, nested a little. */
export const smallJson: fc.Arbitrary<unknown> = fc.jsonValue({ maxDepth: 3 });

/** Arrays or objects nested `depth` deep, as a parser would receive them. */
export function deeplyNested(depth: number, kind: 'array' | 'object'): unknown {
  let value: unknown = 1;
  for (let d = 0; d < depth; d++) value = kind === 'array' ? [value] : { a: value };
  return value;
}

/** A hostile value for any field: numbers, number-like strings, ids, JSON, deep nesting, or nothing. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: hostileNumber },
  { weight: 2, arbitrary: numberLikeString },
  { weight: 2, arbitrary: hostileId },
  { weight: 2, arbitrary: smallJson },
  { weight: 1, arbitrary: fc.constantFrom(null, undefined, true, false, [], {}, [[]], [null], { length: 2 }) },
  { weight: 1, arbitrary: fc.constantFrom(200, 1500).chain((depth) => fc.constantFrom(deeplyNested(depth, 'array'), deeplyNested(depth, 'object'))) },
);

/**
 * A copy of a JSON-like document with the value at one path (picked by `choices`, one index
 * per level) replaced by `replacement`, or deleted when it is undefined.
 */
export function replaceAtPath(doc: unknown, choices: readonly number[], replacement: unknown): unknown {
  const copy = structuredClone(doc);
  let node: unknown = copy;
  for (let depth = 0; depth < choices.length; depth++) {
    if (node === null || typeof node !== 'object') break;
    const keys = Object.keys(node);
    if (keys.length === 0) break;
    const key = keys[choices[depth]! % keys.length]!;
    const child = (node as Record<string, unknown>)[key];
    if (depth === choices.length - 1 || child === null || typeof child !== 'object') {
      if (replacement === undefined) {
        if (Array.isArray(node)) node.splice(Number(key), 1);
        else delete (node as Record<string, unknown>)[key];
      } else (node as Record<string, unknown>)[key] = replacement;
      break;
    }
    node = child;
  }
  return copy;
}
