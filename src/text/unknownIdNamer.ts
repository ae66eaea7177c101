import { lookalikeDifference, lookalikeKey } from './lookalike.js';

/**
 * Names an unknown id, with the known id it was likely meant to be when the two only look
 * alike (letter case, Unicode form, invisible characters, spaces at either end; see
 * lookalikeKey): "unknown coach 'C-01': 'c-01' differs from it only in letter case". The
 * lookup is built at the first unknown id (valid input has none); of known ids alike, the first
 * in code-unit order is named, whatever the records' order.
 */
export function unknownIdNamer(known: () => Iterable<string>): (what: string, id: string) => string {
  let alike: Map<string, string> | null = null;
  return (what, id) => {
    if (alike === null) {
      alike = new Map();
      for (const k of [...known()].sort()) if (!alike.has(lookalikeKey(k))) alike.set(lookalikeKey(k), k);
    }
    const meant = alike.get(lookalikeKey(id));
    return meant === undefined ? `unknown ${what} '${id}'` : `unknown ${what} '${id}': '${meant}' differs from it only in ${lookalikeDifference(id, meant)}`;
  };
}
