import type { IncomingMessage } from 'node:http';
import { CoachmatchError } from '../errors.js';
import { toJsonPath } from '../model/toJsonPath.js';
import { zodIssuesToInputIssues } from '../model/zodIssuesToInputIssues.js';
import { apiKeyMatches } from './apiKeyMatches.js';
import { bodyEncodingProblem } from './bodyEncodingProblem.js';
import { errorResponse } from './errorResponse.js';
import { isJsonContentType } from './isJsonContentType.js';
import { parseJsonBody, refusedBodySummary } from './parseJsonBody.js';
import { problemResponse } from './problemResponse.js';
import { readBody } from './readBody.js';
import { validatedInJob } from './validatedInJob.js';
import type { JobRunner, Route, RouteContext, RouteResponse, ServerLimits } from './types.js';

/** What {@link routeRequest} needs from the server. */
export interface RequestEnvironment {
  readonly routes: readonly Route[];
  readonly runner: JobRunner;
  readonly limits: ServerLimits;
  readonly maxBodyBytes: number;
  readonly apiKey: string | undefined;
}

/** The response, the route it came from (for the log) and whether the body was left unread. */
export interface RoutedResponse {
  readonly response: RouteResponse;
  readonly route: Route | undefined;
  readonly bodyUnread: boolean;
}

const bodyMethods = new Set(['POST', 'PUT', 'PATCH']);

/**
 * The request pipeline: route (404/405), API key (401), content type, charset and encoding
 * (415), body size (413), JSON (400), query and body validation (422, every issue with its
 * JSON path; any query parameter on a body route without a query schema), then the
 * handler. A route whose body is read in its job (validatedInJob) gets the bytes, unparsed.
 * `clientGone` aborts when the client disconnects: the handler's jobs are then dropped or stopped.
 * Whatever a handler throws becomes a problem response: this never rejects.
 */
export async function routeRequest(request: IncomingMessage, requestId: string, env: RequestEnvironment, clientGone?: AbortSignal): Promise<RoutedResponse> {
  let url: URL;
  try {
    url = new URL(request.url ?? '/', 'http://localhost');
  } catch {
    return { response: problemResponse('not-found', 'The request target is not a valid path.'), route: undefined, bodyUnread: true };
  }
  const method = request.method === 'HEAD' ? 'GET' : (request.method ?? 'GET');
  const onPath = env.routes.filter((r) => r.path === url.pathname);
  const route = onPath.find((r) => r.method === method);
  if (route === undefined) {
    if (onPath.length === 0) return { response: problemResponse('not-found', 'No route has this path; see GET /openapi.json.'), route, bodyUnread: true };
    const allowed = [...new Set(onPath.flatMap((r) => (r.method === 'GET' ? ['GET', 'HEAD'] : [r.method])))].join(', ');
    return {
      response: problemResponse('method-not-allowed', `This path answers ${allowed}.`, [], { allow: allowed }),
      route: onPath[0],
      bodyUnread: true,
    };
  }
  const early = (response: RouteResponse): RoutedResponse => ({ response, route, bodyUnread: true });
  if (env.apiKey !== undefined && route.public !== true && !apiKeyMatches(request.headers, env.apiKey)) {
    return early(
      problemResponse('unauthorized', 'Send the API key in the x-api-key header or as Authorization: Bearer <key>.', [], {
        'www-authenticate': 'Bearer realm="coachmatch"',
      }),
    );
  }

  let raw: unknown;
  let bytes: Uint8Array | undefined;
  if (bodyMethods.has(route.method)) {
    const contentType = request.headers['content-type'];
    if (!isJsonContentType(contentType)) {
      return early(
        problemResponse('unsupported-media-type', `Send the body as application/json (got ${contentType === undefined ? 'no content type' : JSON.stringify(contentType.slice(0, 100))}).`, [], {
          'accept-post': 'application/json',
        }),
      );
    }
    const encodingProblem = bodyEncodingProblem(request.headers);
    if (encodingProblem !== undefined) {
      return early(problemResponse('unsupported-media-type', encodingProblem, [], { 'accept-post': 'application/json', 'accept-encoding': 'identity' }));
    }
    const body = await readBody(request, env.maxBodyBytes);
    if (!body.ok) {
      const detail = body.reason === 'tooLarge' ? `The body exceeds the limit of ${env.maxBodyBytes} bytes.` : 'The request body was not received completely.';
      return early(problemResponse(body.reason === 'tooLarge' ? 'body-too-large' : 'malformed-json', detail));
    }
    bytes = body.bytes;
    // Parsed here only for a route that does not read its body in a job: parsing on the event loop stalls every request.
    if (route.parseBody !== validatedInJob) {
      const json = parseJsonBody(bytes);
      if (!json.ok && json.reason === 'malformed') {
        return { response: problemResponse('malformed-json', `The body is not valid JSON: ${json.message}`, [{ path: '$', message: json.message }]), route, bodyUnread: false };
      }
      if (!json.ok) return { response: problemResponse('invalid-request', refusedBodySummary(json.issues, json.issueCount), json.issues, undefined, json.issueCount), route, bodyUnread: false };
      raw = json.value;
    }
  }

  const done = (response: RouteResponse): RoutedResponse => ({ response, route, bodyUnread: false });
  try {
    let query: unknown = {};
    if (route.querySchema === undefined) {
      // Ignoring them would answer as if they were not there: POST /stable?optimal=coach gave
      // coachee-optimal. A GET without a query schema (health, the OpenAPI document) answers the
      // same whatever is asked, so a probe's cache-buster is no error there.
      const given = bodyMethods.has(route.method) ? [...new Set(url.searchParams.keys())] : [];
      const errors = given.map((key) => ({ path: toJsonPath([key]).replace(/^\$/, '$query'), message: `${route.method} ${route.path} takes no query parameters; options go in the body` }));
      if (errors.length > 0) return done(problemResponse('invalid-request', 'The query string is invalid.', errors));
    } else {
      // Object.fromEntries keeps the last of a repeated key: ?format=md&format=json is ambiguous, not json.
      const repeated = [...new Set(url.searchParams.keys())].filter((key) => url.searchParams.getAll(key).length > 1).sort();
      if (repeated.length > 0) {
        const errors = repeated.map((key) => ({ path: toJsonPath([key]).replace(/^\$/, '$query'), message: `given ${url.searchParams.getAll(key).length} times: give it once` }));
        return done(problemResponse('invalid-request', 'The query string is invalid.', errors));
      }
      const parsed = route.querySchema.safeParse(Object.fromEntries(url.searchParams));
      if (!parsed.success) {
        const errors = zodIssuesToInputIssues(parsed.error.issues).map((issue) => ({ ...issue, path: issue.path.replace(/^\$/, '$query') }));
        return done(problemResponse('invalid-request', 'The query string is invalid.', errors));
      }
      query = parsed.data;
    }
    let body: unknown = undefined;
    if (bodyMethods.has(route.method)) {
      if (route.parseBody === validatedInJob) body = validatedInJob(bytes);
      else if (route.parseBody !== undefined) body = route.parseBody(raw);
      else if (route.bodySchema !== undefined) {
        const parsed = route.bodySchema.schema.safeParse(raw);
        if (!parsed.success) throw new CoachmatchError('invalidArgument', 'The body does not match its schema', zodIssuesToInputIssues(parsed.error.issues));
        body = parsed.data;
      } else body = raw;
    }
    const context: RouteContext = {
      runJob: (job, input) => env.runner.run(job, input, clientGone === undefined ? {} : { signal: clientGone }),
      limits: env.limits,
      routes: env.routes,
      secured: env.apiKey !== undefined,
    };
    return done(await route.handler({ body, query, requestId }, context));
  } catch (error) {
    return done(errorResponse(error));
  }
}
