import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { difference, differenceKnown } from '../../src/features/difference.js';
import { attributes, declare, profileArb } from './support.js';

const diff = (a: Record<string, unknown>, b: Record<string, unknown>) =>
  difference({ attributes: a as never }, { attributes: b as never }, attributes);

describe(difference, () => {
  it('is the weighted mean dissimilarity over attributes both have', () => {
    expect(diff({ gender: 'f', nationality: 'NL' }, { gender: 'm', nationality: 'NL' })).toBe(0.5);
    // background weighs 1.5, gender 1: (1.5 * 1 + 1 * 0) / 2.5
    expect(diff({ gender: 'f', background: 'academic' }, { gender: 'f', background: 'first-generation' })).toBeCloseTo(0.6, 12);
  });
  it('grades numeric and set attributes', () => {
    expect(diff({ age: 28 }, { age: 54 })).toBeCloseTo(0.5, 12);
    expect(diff({ hobbies: ['a', 'b'] }, { hobbies: ['b', 'c'] })).toBeCloseTo(2 / 3, 12);
  });
  it('skips attributes missing on either side, and is 0 without evidence', () => {
    expect(diff({ gender: 'f', nationality: 'NL' }, { gender: 'm' })).toBe(1);
    expect(diff({ gender: 'f' }, { nationality: 'NL' })).toBe(0);
  });
  it('is 0 between identical profiles', () => {
    fc.assert(
      fc.property(profileArb, (a) => {
        expect(difference(a, a, attributes)).toBe(0);
      }),
    );
  });
  it('is symmetric and stays in [0, 1]', () => {
    fc.assert(
      fc.property(profileArb, profileArb, (a, b) => {
        const d = difference(a, b, attributes);
        expect(d).toBeCloseTo(difference(b, a, attributes), 12);
        expect(d).toBeGreaterThanOrEqual(0);
        expect(d).toBeLessThanOrEqual(1);
      }),
    );
  });
});

describe(differenceKnown, () => {
  const known = (a: Record<string, unknown>, b: Record<string, unknown>, attrs = attributes) =>
    differenceKnown({ attributes: a as never }, { attributes: b as never }, attrs);
  it('is true exactly when some weighted identity attribute is on both sides', () => {
    expect(known({ gender: 'f' }, { gender: 'f' })).toBe(true);
    expect(known({ gender: 'f' }, { nationality: 'NL' })).toBe(false);
    expect(known({}, {})).toBe(false);
    // Profession attributes are no identity evidence.
    expect(known({ sector: 'HR' }, { sector: 'HR' })).toBe(false);
  });
  it('ignores an identity attribute of weight 0, as difference does', () => {
    const attrs = [declare({ key: 'pet', kind: 'categorical', role: 'identity', weight: 0 })];
    expect(known({ pet: 'cat' }, { pet: 'dog' }, attrs)).toBe(false);
    expect(difference({ attributes: { pet: 'cat' } }, { attributes: { pet: 'dog' } }, attrs)).toBe(0);
  });
  it('is false only where difference has no evidence, so difference is then 0', () => {
    fc.assert(
      fc.property(profileArb, profileArb, (a, b) => {
        if (!differenceKnown(a, b, attributes)) expect(difference(a, b, attributes)).toBe(0);
        expect(differenceKnown(a, b, attributes)).toBe(differenceKnown(b, a, attributes));
      }),
    );
  });
});
