import { maxHeaderSize, STATUS_CODES } from 'node:http';
import { problemResponse } from './problemResponse.js';
import type { ProblemType } from './problemTypes.js';
import { securityHeaders } from './securityHeaders.js';

/** The time limits a 408 names. */
export interface RequestTimeouts {
  readonly requestTimeoutMs: number;
  readonly headersTimeoutMs: number;
}

/**
 * The raw HTTP response to a request Node's parser refused or timed out (the `clientError`
 * event has no response object): 408 for a request not received in time, 414 for a request
 * line over the header limit, 431 for header fields over it, 400 otherwise; each a problem
 * document, then the connection closes.
 */
export function clientErrorReply(error: Error & { code?: string; rawPacket?: Buffer }, timeouts: RequestTimeouts): string {
  const [type, detail] = describe(error, timeouts);
  const problem = problemResponse(type, detail);
  const body = Buffer.from(problem.body, 'utf8');
  return [
    `HTTP/1.1 ${problem.status} ${STATUS_CODES[problem.status] ?? ''}`,
    `content-type: ${problem.contentType}`,
    `content-length: ${body.length}`,
    ...Object.entries(securityHeaders).map(([name, value]) => `${name}: ${value}`),
    'connection: close',
    '',
    problem.body,
  ].join('\r\n');
}

function describe(error: Error & { code?: string; rawPacket?: Buffer }, timeouts: RequestTimeouts): [ProblemType, string] {
  switch (error.code) {
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return [
        'request-timeout',
        `The request was not received in time: headers within ${timeouts.headersTimeoutMs} ms, the whole request within ${timeouts.requestTimeoutMs} ms.`,
      ];
    case 'HPE_HEADER_OVERFLOW':
      // Node counts the request line against the same limit: when it alone is over, the URL is too long.
      return requestLineOverflows(error.rawPacket)
        ? ['uri-too-long', `The request line (method and URL) exceeds ${maxHeaderSize} bytes.`]
        : ['header-fields-too-large', `The request's header fields exceed ${maxHeaderSize} bytes together.`];
    default:
      return ['bad-request', `The request is not valid HTTP/1.1${error.code?.startsWith('HPE_') ? ` (${error.code})` : ''}.`];
  }
}

/** True when what the parser was given has no complete request line, or a request line longer than half the limit. */
function requestLineOverflows(packet: Buffer | undefined): boolean {
  if (packet === undefined) return false;
  const end = packet.indexOf('\r\n');
  return end === -1 || end > maxHeaderSize / 2;
}
