import type { z } from 'zod';
import type { CoachmatchErrorKind, InputIssue } from '../errors.js';

/** HTTP methods a {@link Route} may answer. */
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** A zod schema with the name it gets under `components.schemas` in the OpenAPI document. */
export interface NamedSchema {
  readonly id: string;
  readonly schema: z.ZodType;
}

/** A response a route hands back: a status and an already serialised body. */
export interface RouteResponse {
  readonly status: number;
  readonly contentType: string;
  readonly body: string;
  readonly headers?: Readonly<Record<string, string>>;
}

/** What a handler receives: the validated body and query, and the request id (for correlation). */
export interface RouteRequest<Body, Query> {
  readonly body: Body;
  readonly query: Query;
  readonly requestId: string;
}

/**
 * A module-level function run in a worker thread under the solve time limit: `module` is the
 * file URL of the module (`new URL('../jobs/matchJob.js', import.meta.url).href`) and `name`
 * its exported function, which takes `Input` and returns `Output`, or a promise of it (both
 * structured-cloneable).
 */
export interface JobRef<Input, Output> {
  readonly module: string;
  readonly name: string;
  /** Phantom fields, never set: they carry the input and output types to `runJob`. */
  readonly input?: Input;
  readonly output?: Output;
}

/**
 * Outcome of a job, always a value: `rejected` is a {@link CoachmatchError} the job threw
 * about its input (a 422), with its first issues and their total; `malformedBody` is a body
 * the job could not read as JSON at all (a 400, see readJsonBody); `cancelled`, its signal
 * aborted (the client went away) before it finished.
 */
export type JobResult<Output> =
  | { readonly status: 'done'; readonly value: Output; readonly ms: number }
  | {
      readonly status: 'rejected';
      readonly kind: CoachmatchErrorKind;
      readonly summary: string;
      readonly issues: readonly InputIssue[];
      readonly issueCount: number;
    }
  | { readonly status: 'malformedBody'; readonly message: string }
  | { readonly status: 'timedOut'; readonly limitMs: number }
  | { readonly status: 'busy'; readonly queued: number }
  | { readonly status: 'cancelled' }
  | { readonly status: 'failed'; readonly message: string };

/** Options of one {@link JobRunner.run}. */
export interface JobRunOptions {
  /** Aborting drops the job if it waits for a worker and stops it if it runs: `cancelled`. */
  readonly signal?: AbortSignal;
}

/** Runs jobs: a pool of worker threads (default) or inline for embedding and measuring. */
export interface JobRunner {
  run<Input, Output>(job: JobRef<Input, Output>, input: Input, options?: JobRunOptions): Promise<JobResult<Output>>;
  close(): Promise<void>;
}

/** Limits every route can consult. */
export interface ServerLimits {
  /** Largest problem built densely: coachees × coaches (cohorts) or a solver problem's pairs. */
  readonly maxPairs: number;
  /** Largest `POST /match` run on candidate pairs: coachees × active coaches. */
  readonly maxCandidatePairs: number;
}

/** What the server gives a handler besides the request. */
export interface RouteContext {
  /** Runs a job off the event loop, under the time limit; stopped if the client goes away first. */
  runJob<Input, Output>(job: JobRef<Input, Output>, input: Input): Promise<JobResult<Output>>;
  readonly limits: ServerLimits;
  /** Every route of this server (the OpenAPI route documents them). */
  readonly routes: readonly Route[];
  /** True when the server asks for an API key (the OpenAPI document then marks secured routes). */
  readonly secured: boolean;
}

/** One documented response of a route, for the OpenAPI document. */
export interface ResponseSpec {
  readonly description: string;
  readonly contentType?: string;
  readonly schema?: NamedSchema;
}

/**
 * One entry of the route table. The pipeline finds the route (404/405), checks the API key
 * (401) unless `public`, the content type (415), reads the body under the size limit (413),
 * parses JSON (400), validates query and body (422, every issue with its JSON path) and only
 * then calls `handler` with typed data.
 *
 * @example
 * ```ts
 * export const pingRoute = defineRoute({
 *   method: 'POST', path: '/ping', summary: 'Echo a name',
 *   bodySchema: { id: 'Ping', schema: z.strictObject({ name: z.string() }) },
 *   handler: ({ body }) => jsonResponse({ pong: body.name }),
 * });
 * ```
 */
export interface Route<Body = unknown, Query = unknown> {
  readonly method: HttpMethod;
  /** Exact path, e.g. `/match`. */
  readonly path: string;
  readonly summary: string;
  readonly description?: string;
  /** The request body (POST/PUT/PATCH): documented in OpenAPI and, unless `parseBody` is given, validated with it. */
  readonly bodySchema?: NamedSchema;
  /**
   * Validates the raw JSON body instead of `bodySchema` (for checks beyond one schema, such as
   * a cohort's cross-record rules). Throws {@link CoachmatchError} with every issue → 422.
   * validatedInJob instead gets the body's bytes unparsed, for a job to read.
   */
  readonly parseBody?: (raw: unknown) => Body;
  /** Query parameters (strings in, typed out); unknown parameters are rejected when the schema is strict. */
  readonly querySchema?: z.ZodType<Query, Record<string, string>>;
  /** Extra documented responses beyond the problem responses every route has. */
  readonly responses?: Readonly<Record<string, ResponseSpec>>;
  /** No API key needed (health checks). */
  readonly public?: boolean;
  // Method syntax on purpose: a route table holds routes of different body types.
  handler(request: RouteRequest<Body, Query>, context: RouteContext): RouteResponse | Promise<RouteResponse>;
}
