import { z } from 'zod';

// Generous bounds no real programme reaches. Without them a 2 MiB name copied into 400 pairs
// made a report longer than a JavaScript string can be: every output format failed.

/** Longest id or attribute key: ids are labels, not prose. */
export const MAX_ID_LENGTH = 256;
/** Longest name, label, reason or attribute value. */
export const MAX_NAME_LENGTH = 1000;
/** Longest description or file path. */
export const MAX_DESCRIPTION_LENGTH = 10_000;
/** Most values in one set-valued attribute. */
export const MAX_SET_SIZE = 1000;

/** A string of at most `max` characters, whose error says what is too long and by how much. */
export function boundedString(max: number, what: string) {
  return z.string().max(max, { error: (issue) => `${what} is ${String((issue.input as string).length)} characters long; at most ${max} are allowed` });
}

/** True when `text` is longer than any id or key may be: the schema reports it, other checks pass it by. */
export const isOverlongKey = (text: string) => text.length > MAX_ID_LENGTH;
