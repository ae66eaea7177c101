import type { z } from 'zod';
import { CoachmatchError } from '../errors.js';
import { zodIssuesToInputIssues } from './zodIssuesToInputIssues.js';

/**
 * A caller's options checked against `schema` and laid over `defaults`; an option given as
 * undefined gets its default, as when it is left out.
 *
 * @throws CoachmatchError `invalidArgument` (`Invalid ${what}`) listing each bad option at `$.<name>`.
 */
export function optionsWithDefaults<T extends object>(schema: z.ZodType, options: unknown, defaults: T, what: string): T {
  const parsed = schema.safeParse(options);
  if (!parsed.success) throw new CoachmatchError('invalidArgument', `Invalid ${what}`, zodIssuesToInputIssues(parsed.error.issues));
  const given = Object.fromEntries(Object.entries(options as object).filter(([, value]) => value !== undefined));
  return { ...defaults, ...given };
}
