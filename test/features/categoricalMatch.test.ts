import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { categoricalMatch } from '../../src/features/categoricalMatch.js';

describe(categoricalMatch, () => {
  it('is 1 for equal values and 0 for different ones', () => {
    expect(categoricalMatch('NL', 'NL')).toBe(1);
    expect(categoricalMatch('NL', 'DE')).toBe(0);
  });
  it('treats a missing value as no match', () => {
    expect(categoricalMatch(undefined, 'NL')).toBe(0);
    expect(categoricalMatch('NL', undefined)).toBe(0);
    expect(categoricalMatch(undefined, undefined)).toBe(0);
  });
  it('is symmetric and either 0 or 1', () => {
    fc.assert(
      fc.property(fc.option(fc.string(), { nil: undefined }), fc.option(fc.string(), { nil: undefined }), (a, b) => {
        const s = categoricalMatch(a, b);
        expect(s).toBe(categoricalMatch(b, a));
        expect([0, 1]).toContain(s);
      }),
    );
  });
});
