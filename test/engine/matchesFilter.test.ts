import { describe, expect, it } from 'vitest';
import { matchesFilter } from '../../src/engine/quotaPolicyConstraints.js';

const composed = 'Li\u00e8ge';
const decomposed = 'Lie\u0300ge';

describe(matchesFilter, () => {
  it('matches a value to a filter written in the other Unicode form (cohort values are NFC)', () => {
    expect(matchesFilter(composed, { attribute: 'city', equals: decomposed })).toBe(true);
    expect(matchesFilter([composed, 'Gent'], { attribute: 'city', oneOf: ['Namur', decomposed] })).toBe(true);
    expect(matchesFilter(composed, { attribute: 'city', equals: 'Liege' })).toBe(false);
  });

  it('matches numbers by range and never a missing value', () => {
    expect(matchesFilter(40, { attribute: 'age', atLeast: 30, atMost: 40 })).toBe(true);
    expect(matchesFilter(41, { attribute: 'age', atLeast: 30, atMost: 40 })).toBe(false);
    expect(matchesFilter(undefined, { attribute: 'age', atLeast: 0 })).toBe(false);
  });
});
