/**
 * The problem types the server answers with (RFC 9457 `type` is `urn:coachmatch:problem:<slug>`),
 * each with its status and fixed title. Clients branch on `type`, not on `detail`.
 */
export const problemTypes = {
  'bad-request': { status: 400, title: 'The request is not valid HTTP' },
  'malformed-json': { status: 400, title: 'The body is not valid JSON' },
  unauthorized: { status: 401, title: 'A valid API key is required' },
  'not-found': { status: 404, title: 'No such route' },
  'method-not-allowed': { status: 405, title: 'Method not allowed on this route' },
  'request-timeout': { status: 408, title: 'The request was not received in time' },
  'body-too-large': { status: 413, title: 'The request body is too large' },
  'uri-too-long': { status: 414, title: 'The request URL is too long' },
  'unsupported-media-type': { status: 415, title: 'The body must be application/json' },
  'invalid-request': { status: 422, title: 'The request does not match its schema' },
  'invalid-cohort': { status: 422, title: 'The cohort is invalid' },
  'invalid-problem': { status: 422, title: 'The assignment problem or preference lists are invalid' },
  'invalid-scenario': { status: 422, title: 'The scenario is invalid' },
  'problem-too-large': { status: 422, title: 'The problem exceeds the size limit' },
  'header-fields-too-large': { status: 431, title: 'The request header fields are too large' },
  // Never received (the client has gone); it is the status the log line records, as nginx's 499.
  'client-closed-request': { status: 499, title: 'The client closed the request' },
  'internal-error': { status: 500, title: 'Internal error' },
  'time-limit-exceeded': { status: 503, title: 'The computation exceeded the time limit' },
  'server-busy': { status: 503, title: 'Too many requests are waiting' },
  'shutting-down': { status: 503, title: 'The server is shutting down' },
} as const satisfies Record<string, { status: number; title: string }>;

/** A problem type slug. */
export type ProblemType = keyof typeof problemTypes;
