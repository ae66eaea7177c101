const identifier = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/**
 * Renders a path of keys and indices as a JSON path: `['coaches', 2, 'capacity']` →
 * `$.coaches[2].capacity`. Keys that are not identifiers are quoted: `$.attributes["home town"]`.
 *
 * @example
 * ```ts
 * toJsonPath(['relations', 5, 'to']); // '$.relations[5].to'
 * ```
 */
export function toJsonPath(path: ReadonlyArray<PropertyKey>): string {
  let out = '$';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else if (typeof part === 'string' && identifier.test(part)) out += `.${part}`;
    else out += `[${JSON.stringify(String(part))}]`;
  }
  return out;
}
