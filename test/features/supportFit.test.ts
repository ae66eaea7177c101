import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { supportFit } from '../../src/features/supportFit.js';
import { supportKinds } from '../../src/model/supportKinds.js';
import { supportArb } from './support.js';

const needs = { socioEmotional: 4, network: 2, autonomy: 3, career: 5 };

describe(supportFit, () => {
  it('is 1 when the offer meets every need', () => {
    expect(supportFit(needs, { socioEmotional: 4, network: 3, autonomy: 3, career: 5 })).toBe(1);
    expect(supportFit(needs, { socioEmotional: 5, network: 5, autonomy: 5, career: 5 })).toBe(1);
  });
  it('weighs a shortfall by how much the coachee needs that kind', () => {
    // career short by 2 (0.5 of the scale), need 5 of 14 in total: 1 - 5 * 0.5 / 14
    expect(supportFit(needs, { socioEmotional: 4, network: 2, autonomy: 3, career: 3 })).toBeCloseTo(1 - 2.5 / 14, 12);
  });
  it('halves the fit when socio-emotional support is one point short, however good the rest', () => {
    expect(supportFit(needs, { socioEmotional: 3, network: 5, autonomy: 5, career: 5 })).toBeCloseTo((1 - 1 / 14) * 0.5, 12);
  });
  it('is 0 when socio-emotional support is two points short', () => {
    expect(supportFit(needs, { socioEmotional: 2, network: 5, autonomy: 5, career: 5 })).toBe(0);
  });
  it('rates a socio-emotional shortfall worse than the same shortfall on another kind', () => {
    const even = { socioEmotional: 4, network: 4, autonomy: 4, career: 4 };
    const shortSocio = supportFit(even, { ...even, socioEmotional: 3 });
    for (const kind of supportKinds.filter((k) => k !== 'socioEmotional')) {
      expect(shortSocio).toBeLessThan(supportFit(even, { ...even, [kind]: 3 }));
    }
  });
  it('stays in [0, 1]', () => {
    fc.assert(
      fc.property(supportArb, supportArb, (n, o) => {
        const f = supportFit(n, o);
        expect(f).toBeGreaterThanOrEqual(0);
        expect(f).toBeLessThanOrEqual(1);
      }),
    );
  });
  it('never drops when the coach offers more of any kind', () => {
    fc.assert(
      fc.property(supportArb, supportArb, fc.constantFrom(...supportKinds), (n, o, kind) => {
        const more = { ...o, [kind]: Math.min(5, o[kind] + 1) };
        expect(supportFit(n, more)).toBeGreaterThanOrEqual(supportFit(n, o));
      }),
    );
  });
});
