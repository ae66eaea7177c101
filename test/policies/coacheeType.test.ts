import { describe, expect, it } from 'vitest';
import { defaultPolicy } from '../../src/model/defaultPolicy.js';
import { coacheeType } from '../../src/policies/coacheeType.js';

describe(coacheeType, () => {
  it('calls a coachee at or above the insider threshold an insider, below it a pioneer', () => {
    const t = defaultPolicy.insiderThreshold;
    expect(coacheeType(t, defaultPolicy)).toBe('insider');
    expect(coacheeType(1, defaultPolicy)).toBe('insider');
    expect(coacheeType(t - 1e-9, defaultPolicy)).toBe('pioneer');
    expect(coacheeType(0, defaultPolicy)).toBe('pioneer');
  });
  it('follows the configured threshold', () => {
    expect(coacheeType(0.6, { ...defaultPolicy, insiderThreshold: 0.5 })).toBe('insider');
    expect(coacheeType(0.6, { ...defaultPolicy, insiderThreshold: 0.7 })).toBe('pioneer');
  });
});
