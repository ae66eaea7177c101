import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { textMatch } from '../../src/features/textMatch.js';

describe(textMatch, () => {
  it('ignores case and surrounding or repeated spaces', () => {
    expect(textMatch('Den Haag', '  den   haag ')).toBe(1);
    expect(textMatch('Heerlen', 'Maastricht')).toBe(0);
  });
  it('never matches blank or missing text', () => {
    expect(textMatch('', '')).toBe(0);
    expect(textMatch('  ', ' ')).toBe(0);
    expect(textMatch(undefined, 'Heerlen')).toBe(0);
  });
  it('is symmetric', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (a, b) => {
        expect(textMatch(a, b)).toBe(textMatch(b, a));
      }),
    );
  });
});
