import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lookalikeDifference, lookalikeKey, sameLookingKey } from '../../src/text/lookalike.js';

const invisibles = ['\u200b', '\u200d', '\u00ad', '\ufeff', '\u2060', '\u0000', '\u007f'];
/** Ids of printable ASCII with spaces, and look-alike variants of them. */
const asciiId = fc.string({ unit: fc.constantFrom(...'aAbB09-_. '), minLength: 1, maxLength: 8 });

describe(sameLookingKey, () => {
  it('gives plain ASCII ids the key the full rule gives them (its shortcut never differs)', () => {
    fc.assert(
      // Mostly the characters at the edges of the shortcut's range, so that every edge is tried.
      fc.property(fc.string({ unit: fc.oneof(fc.constantFrom('a', '~', '!', ' ', '\t', '\u0000', '\u001f', '\u007f'), fc.constantFrom(...'binary'), fc.integer({ min: 0, max: 127 }).map((c) => String.fromCharCode(c))), maxLength: 6 }), (s) => {
        expect(sameLookingKey(s)).toBe(s.replace(/[\p{Default_Ignorable_Code_Point}\p{Cc}]/gu, '').trim().normalize('NFC'));
      }),
    );
  });

  it('is the same for an id with invisible characters or spaces put in at its ends or inside', () => {
    fc.assert(
      fc.property(asciiId, fc.array(fc.tuple(fc.nat(), fc.constantFrom(...invisibles)), { maxLength: 3 }), fc.boolean(), (id, insertions, padded) => {
        let variant = id;
        for (const [at, c] of insertions) variant = variant.slice(0, at % (variant.length + 1)) + c + variant.slice(at % (variant.length + 1));
        if (padded) variant = ` ${variant}\t`;
        expect(sameLookingKey(variant)).toBe(sameLookingKey(id));
        expect(lookalikeKey(variant.toUpperCase())).toBe(lookalikeKey(id));
      }),
    );
  });
});

describe(lookalikeDifference, () => {
  it('names every way two look-alike ids differ, in a fixed order', () => {
    expect(lookalikeDifference('Jose\u0301\u200b ', 'jos\u00e9')).toBe('an invisible character (U+200B) and spaces at either end and its Unicode form (composed or decomposed accents) and letter case');
    expect(lookalikeDifference('a\u200bb\u00ad', 'ab')).toBe('invisible characters (U+00AD, U+200B)');
    expect(lookalikeDifference('A1', 'a1')).toBe('letter case');
  });
});
