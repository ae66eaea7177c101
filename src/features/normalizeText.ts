import { nfc } from '../text/nfc.js';

/**
 * Canonical form of a free-text value for comparison: trimmed, inner whitespace collapsed,
 * lower-cased (locale-independent), Unicode NFC. `' Den  Haag'` and `'den haag'` compare equal.
 */
export function normalizeText(s: string): string {
  return nfc(s).trim().replace(/\s+/g, ' ').toLowerCase();
}
