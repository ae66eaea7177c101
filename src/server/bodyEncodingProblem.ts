import type { IncomingHttpHeaders } from 'node:http';

// A parameter of a media type: name=token or name="quoted string" (RFC 9110 §5.6.6).
const parameter = /;\s*([!#$%&'*+.^_`|~0-9a-z-]+)\s*=\s*("(?:[^"\\]|\\.)*"|[^;\s]*)/gi;
const utf8Labels = new Set(['utf-8', 'utf8']);

/**
 * Why a JSON body cannot be read as sent, or undefined: the body is read as UTF-8 bytes as
 * they are, so a charset other than UTF-8 (a Latin-1 body would be misread, a UTF-16 one
 * refused as not UTF-8) or any Content-Encoding but identity (gzip …) is a 415 saying so.
 */
export function bodyEncodingProblem(headers: IncomingHttpHeaders): string | undefined {
  const encodings = (headers['content-encoding'] ?? '').split(',').map((e) => e.trim().toLowerCase()).filter((e) => e !== '' && e !== 'identity');
  if (encodings.length > 0) return `The body must not be compressed (Content-Encoding: ${JSON.stringify(encodings.join(', ').slice(0, 60))}); send it as it is.`;
  for (const [, name, value] of (headers['content-type'] ?? '').matchAll(parameter)) {
    if (name!.toLowerCase() !== 'charset') continue;
    const charset = value!.startsWith('"') ? value!.slice(1, -1).replace(/\\(.)/g, '$1') : value!;
    if (!utf8Labels.has(charset.toLowerCase())) return `The body must be UTF-8 JSON (charset ${JSON.stringify(charset.slice(0, 60))} given); re-encode it as UTF-8, or leave out the charset.`;
  }
  return undefined;
}
