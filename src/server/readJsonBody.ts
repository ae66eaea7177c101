import { CoachmatchError } from '../errors.js';
import { MalformedBodyError } from './malformedBodyError.js';
import { parseJsonBody, refusedBodySummary } from './parseJsonBody.js';

/**
 * A job's first step: the request body's bytes as a JSON value. Runs in the job so that
 * decoding and parsing a hostile 5 MB body happen off the event loop, under the time limit.
 *
 * @throws MalformedBodyError when the body is not UTF-8 JSON (→ 400); CoachmatchError of kind
 * `invalidArgument` for a repeated key, a lone surrogate or nesting over 64 levels, each at
 * its JSON path (→ 422).
 */
export function readJsonBody(bytes: Uint8Array): unknown {
  const read = parseJsonBody(bytes);
  if (read.ok) return read.value;
  if (read.reason === 'malformed') throw new MalformedBodyError(read.message);
  throw new CoachmatchError('invalidArgument', refusedBodySummary(read.issues, read.issueCount), read.issues, read.issueCount);
}
