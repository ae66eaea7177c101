import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest();

/**
 * True when the request carries `apiKey` in `x-api-key` or `Authorization: Bearer …`. Both
 * sides are hashed first so the comparison takes the same time whatever the key's length or
 * content (`timingSafeEqual` needs equal lengths).
 */
export function apiKeyMatches(headers: IncomingHttpHeaders, apiKey: string): boolean {
  const expected = digest(apiKey);
  const candidates: string[] = [];
  const header = headers['x-api-key'];
  if (typeof header === 'string') candidates.push(header);
  const authorization = headers.authorization;
  if (typeof authorization === 'string') {
    const bearer = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
    if (bearer) candidates.push(bearer[1]!);
  }
  let ok = false;
  for (const candidate of candidates) ok = timingSafeEqual(digest(candidate), expected) || ok;
  return ok;
}
