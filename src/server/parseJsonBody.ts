import { decodeStrictUtf8 } from '../text/decodeStrictUtf8.js';
import { parseJsonText, type JsonTextRead } from '../text/parseJsonText.js';

/**
 * Decodes a request body as UTF-8 (a byte-order mark is allowed, invalid bytes are not) and
 * reads it with {@link parseJsonText}: not UTF-8, empty or not JSON is `malformed`; a repeated
 * key, a lone surrogate or nesting over 64 levels is `refused` at its JSON path.
 */
export function parseJsonBody(bytes: Uint8Array): JsonTextRead {
  const decoded = decodeStrictUtf8(bytes);
  if (!('text' in decoded)) return { ok: false, reason: 'malformed', message: 'the body is not valid UTF-8' };
  if (decoded.text.trim() === '') return { ok: false, reason: 'malformed', message: 'the body is empty' };
  return parseJsonText(decoded.text);
}

/** The one-line summary of a refused body, for a problem's `detail`. */
export function refusedBodySummary(issues: readonly { readonly path: string; readonly message: string }[], issueCount: number): string {
  const only = issues[0];
  if (issueCount === 1 && only !== undefined) return only.path === '$' ? `The body is ${only.message}.` : `The body cannot be read unambiguously at ${only.path}: ${only.message}.`;
  return `The body cannot be read unambiguously: ${issueCount} problems.`;
}
