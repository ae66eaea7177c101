import { describe, expect, it } from 'vitest';
import { defaultPolicy } from '../../src/model/defaultPolicy.js';
import { policyPresets } from '../../src/model/policyPresets.js';
import { resolvePolicy } from '../../src/model/resolvePolicy.js';

describe(resolvePolicy, () => {
  it('gives the default policy without input', () => {
    expect(resolvePolicy()).toEqual(defaultPolicy);
  });
  it('starts from the named preset', () => {
    expect(resolvePolicy({ preset: 'diversity-first' })).toEqual(policyPresets['diversity-first']);
  });
  it('applies field overrides on top of the preset, merging weights field by field', () => {
    const p = resolvePolicy({ preset: 'similarity-first', clanDepth: 1, weights: { aspiration: 2 } });
    expect(p.clanDepth).toBe(1);
    expect(p.weights.aspiration).toBe(2);
    expect(p.weights.commonGround).toBe(policyPresets['similarity-first'].weights.commonGround);
  });
  it('lets the caller’s preset win over the cohort’s, keeping the cohort’s field overrides', () => {
    const p = resolvePolicy({ preset: 'similarity-first', dualRole: 'ban' }, { preset: 'diversity-first' });
    expect(p.weights.difference).toBe(policyPresets['diversity-first'].weights.difference);
    expect(p.dualRole).toBe('ban');
  });
  it('applies the caller’s overrides last', () => {
    expect(resolvePolicy({ clanBan: false }, { clanBan: true }).clanBan).toBe(true);
  });
});

describe('policyPresets', () => {
  it('penalise a coach close to the evaluator more than an open dual role', () => {
    for (const p of Object.values(policyPresets)) expect(p.closeToEvaluatorPenalty).toBeGreaterThan(p.dualRolePenalty);
  });
  it('order the common-ground and difference weights as their names say', () => {
    const sim = policyPresets['similarity-first'].weights;
    const div = policyPresets['diversity-first'].weights;
    expect(sim.commonGround).toBeGreaterThan(sim.difference);
    expect(div.difference).toBeGreaterThan(div.commonGround);
  });
});
