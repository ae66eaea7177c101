import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { commonGround } from '../../src/features/commonGround.js';
import { attributes, declare, identityArb, profileArb } from './support.js';

const cg = (a: Record<string, unknown>, b: Record<string, unknown>) =>
  commonGround({ attributes: a as never }, { attributes: b as never }, attributes);

describe(commonGround, () => {
  it('gives one unit-weight affinity half the scale, and more add less and less', () => {
    const one = cg({ gender: 'f' }, { gender: 'f' }).score;
    const two = cg({ gender: 'f', nationality: 'NL' }, { gender: 'f', nationality: 'NL' }).score;
    const three = cg({ gender: 'f', nationality: 'NL', hometown: 'Heerlen' }, { gender: 'f', nationality: 'NL', hometown: 'heerlen' }).score;
    expect(one).toBe(0.5);
    expect(two).toBe(0.75);
    expect(three).toBeCloseTo(1 - 2 ** -2.5, 12);
    expect(two - one).toBeLessThan(one);
  });
  it('names what is shared, in attribute order', () => {
    const { shared } = cg(
      { gender: 'f', nationality: 'NL', hobbies: ['jazz', 'chess'], age: 24 },
      { gender: 'f', nationality: 'DE', hobbies: ['jazz'], age: 27 },
    );
    expect(shared.map((s) => s.key)).toEqual(['age', 'gender', 'hobbies']);
    expect(shared.find((s) => s.key === 'hobbies')?.value).toEqual(['jazz']);
  });
  it('is 0 with nothing shared', () => {
    expect(cg({ gender: 'f' }, { gender: 'm', nationality: 'NL' })).toEqual({ score: 0, shared: [] });
  });
  it('ignores profession attributes', () => {
    expect(cg({ sector: 'HR' }, { sector: 'HR' }).score).toBe(0);
  });
  it('is symmetric in its score and stays in [0, 1)', () => {
    fc.assert(
      fc.property(profileArb, profileArb, (a, b) => {
        const s = commonGround(a, b, attributes).score;
        expect(s).toBe(commonGround(b, a, attributes).score);
        expect(s).toBeGreaterThanOrEqual(0);
        expect(s).toBeLessThan(1);
      }),
    );
  });
  it('never drops when the pair shares one more attribute', () => {
    fc.assert(
      fc.property(identityArb, identityArb, fc.constantFrom('gender', 'nationality', 'background', 'age', 'hometown'), (a, b, key) => {
        const before = cg(a, b).score;
        const value = a[key as keyof typeof a] ?? b[key as keyof typeof b] ?? (key === 'age' ? 30 : 'x');
        const after = cg({ ...a, [key]: value }, { ...b, [key]: value }).score;
        expect(after).toBeGreaterThanOrEqual(before);
      }),
    );
  });
  // Was: "constructor: function Object() { [native code] }" as everyone's common ground.
  it.each(['constructor', 'toString', 'hasOwnProperty', 'isPrototypeOf', 'valueOf'])(
    'shares nothing on an attribute named %s that neither holds, in profiles built as plain objects',
    (key) => {
      for (const kind of ['categorical', 'text', 'set'] as const) {
        const declaration = declare({ key, kind, role: 'identity' });
        expect(commonGround({ attributes: {} }, { attributes: {} }, [declaration])).toEqual({ score: 0, shared: [] });
      }
    },
  );
});
