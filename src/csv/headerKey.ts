import { nfc } from '../text/nfc.js';

/**
 * What a header or name is compared by: letter case, spaces, `_`, `-` and the Unicode form of
 * accents (é typed as one character or as e + accent) do not matter, so `Socio-emotional`,
 * `min load` and `Nationalité` typed on a Mac find their column.
 */
export function headerKey(s: string): string {
  return nfc(s).trim().toLowerCase().replace(/[\s_-]+/g, '');
}
