import { CoachmatchError } from '../errors.js';
import { longestTimerMs } from './longestTimerMs.js';

// A Map: a unit spelt like an Object.prototype member ("30constructor") must not be found.
const units: ReadonlyMap<string, number> = new Map([['ms', 1], ['s', 1000], ['', 1000], ['m', 60_000], ['min', 60_000]]);

/**
 * Parses a duration such as `30s`, `500ms`, `2m`; a bare number is seconds. At most
 * 2,147,483,647 ms (see longestTimerMs).
 *
 * @throws CoachmatchError of kind `invalidArgument` for anything else.
 * @example
 * ```ts
 * parseDuration('30s'); // 30000
 * ```
 */
export function parseDuration(text: string): number {
  const match = /^\s*(\d+(?:\.\d+)?)\s*([a-z]*)\s*$/i.exec(text);
  const factor = match ? units.get(match[2]!.toLowerCase()) : undefined;
  if (!match || factor === undefined) throw new CoachmatchError('invalidArgument', `not a duration: ${JSON.stringify(text)} (try 30s, 500ms or 2m)`);
  const ms = Math.round(Number(match[1]) * factor);
  if (ms < 1) throw new CoachmatchError('invalidArgument', `a duration must be at least 1 ms, got ${JSON.stringify(text)}`);
  if (ms > longestTimerMs) throw new CoachmatchError('invalidArgument', `a duration must be at most ${longestTimerMs} ms (about 24.8 days, the longest timer Node keeps), got ${JSON.stringify(text)}`);
  return ms;
}
