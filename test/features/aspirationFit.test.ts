import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { aspirationFit } from '../../src/features/aspirationFit.js';
import { attributes, declare, professionArb, role, sector } from './support.js';

const fit = (aspiration: Record<string, string>, held: Record<string, string>) =>
  aspirationFit({ aspiration }, { attributes: held }, attributes);

describe(aspirationFit, () => {
  it('gives full credit for the aspired role', () => {
    expect(fit({ sector: 'healthcare', role: 'trainer' }, { sector: 'education', role: 'trainer' })).toBe(1);
  });
  it('gives the related credit for a related role', () => {
    expect(fit({ role: 'trainer' }, { role: 'learning designer' })).toBeCloseTo(0.6, 12);
  });
  it('gives the sector credit when only the sector matches', () => {
    expect(fit({ sector: 'healthcare', role: 'trainer' }, { sector: 'healthcare', role: 'teacher' })).toBe(0.5);
  });
  it('takes the best of role and sector, not their sum', () => {
    expect(fit({ sector: 'healthcare', role: 'trainer' }, { sector: 'healthcare', role: 'L&D consultant' })).toBeCloseTo(0.6, 12);
  });
  it('is 0 with nothing in common or nothing aspired', () => {
    expect(fit({ sector: 'healthcare', role: 'trainer' }, { sector: 'HR', role: 'teacher' })).toBe(0);
    expect(fit({}, { sector: 'HR', role: 'teacher' })).toBe(0);
  });
  it('ignores identity attributes', () => {
    expect(aspirationFit({ aspiration: {} }, { attributes: { gender: 'f' } }, attributes)).toBe(0);
  });
  it('matches any element of a set-valued profession attribute', () => {
    const roles = declare({ key: 'roles', kind: 'set', role: 'profession' });
    expect(aspirationFit({ aspiration: { roles: ['coach', 'trainer'] } }, { attributes: { roles: ['trainer'] } }, [roles])).toBe(1);
  });
  it('uses closeness for a numeric profession attribute, scaled by its credit', () => {
    const seniority = declare({ key: 'seniority', kind: 'numeric', role: 'profession', scale: { min: 0, max: 10 }, credit: 0.5 });
    expect(aspirationFit({ aspiration: { seniority: 8 } }, { attributes: { seniority: 6 } }, [seniority])).toBeCloseTo(0.4, 12);
  });
  it('stays in [0, 1] and never exceeds the largest credit', () => {
    fc.assert(
      fc.property(professionArb, professionArb, (aspiration, held) => {
        const f = aspirationFit({ aspiration }, { attributes: held }, [role, sector]);
        expect(f).toBeGreaterThanOrEqual(0);
        expect(f).toBeLessThanOrEqual(1);
        if (aspiration.role === undefined || held.role === undefined) expect(f).toBeLessThanOrEqual(0.5);
      }),
    );
  });
});
