import { nfc } from './nfc.js';

/** Characters that print as nothing: zero-width spaces and joiners, soft hyphens, byte-order marks, controls. */
const invisible = /[\p{Default_Ignorable_Code_Point}\p{Cc}]/gu;

const plainAscii = /^(?:[\x21-\x7e]|[\x21-\x7e][\x20-\x7e]*[\x21-\x7e])$/;

/**
 * What two strings that print alike share: the string without invisible characters and
 * spaces at either end, in NFC. Ids with the same key look the same in every report.
 */
export function sameLookingKey(s: string): string {
  // Nearly every id is printable ASCII with no space at either end: already its own key.
  if (plainAscii.test(s)) return s;
  return nfc(s.replace(invisible, '').trim());
}

/** {@link sameLookingKey} with letter case ignored too: what an id typed by hand was likely meant to be. */
export function lookalikeKey(s: string): string {
  return sameLookingKey(s).toLowerCase();
}

/**
 * How `typed` differs from `known`, two different strings of the same {@link lookalikeKey}:
 * "an invisible character (U+200B) and letter case", for a message that says what to fix.
 */
export function lookalikeDifference(typed: string, known: string): string {
  const reasons: string[] = [];
  let a = typed;
  let b = known;
  const steps: readonly [(s: string) => string, (a: string, b: string) => string][] = [
    [(s) => s.replace(invisible, ''), (x, y) => invisibleReason(x + y)],
    [(s) => s.trim(), () => 'spaces at either end'],
    [nfc, () => 'its Unicode form (composed or decomposed accents)'],
    [(s) => s.toLowerCase(), () => 'letter case'],
  ];
  for (const [step, reason] of steps) {
    if (a === b) break;
    const [x, y] = [step(a), step(b)];
    if (x !== a || y !== b) reasons.push(reason(a, b));
    [a, b] = [x, y];
  }
  return reasons.join(' and ');
}

/** Names the invisible characters in `s`, by code point. */
function invisibleReason(s: string): string {
  const found = [...new Set(s.match(invisible) ?? [])].map((c) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`).sort();
  return `${found.length === 1 ? 'an invisible character' : 'invisible characters'} (${found.join(', ')})`;
}
