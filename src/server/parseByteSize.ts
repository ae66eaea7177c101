import { CoachmatchError } from '../errors.js';

// A Map: a unit spelt like an Object.prototype member ("30constructor") must not be found.
const units: ReadonlyMap<string, number> = new Map([['', 1], ['b', 1], ['kb', 1024], ['kib', 1024], ['mb', 1024 ** 2], ['mib', 1024 ** 2], ['gb', 1024 ** 3], ['gib', 1024 ** 3]]);

/**
 * Parses a size such as `5mb`, `512kb`, `1048576` (bytes). Units are binary: 1kb = 1024 bytes.
 *
 * @throws CoachmatchError of kind `invalidArgument` for anything else.
 * @example
 * ```ts
 * parseByteSize('5mb'); // 5242880
 * ```
 */
export function parseByteSize(text: string): number {
  const match = /^\s*(\d+(?:\.\d+)?)\s*([a-z]*)\s*$/i.exec(text);
  const factor = match ? units.get(match[2]!.toLowerCase()) : undefined;
  if (!match || factor === undefined) throw new CoachmatchError('invalidArgument', `not a size: ${JSON.stringify(text)} (try 5mb, 512kb or a number of bytes)`);
  const bytes = Math.floor(Number(match[1]) * factor);
  if (bytes < 1) throw new CoachmatchError('invalidArgument', `a size must be at least 1 byte, got ${JSON.stringify(text)}`);
  return bytes;
}
