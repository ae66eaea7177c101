import { availableParallelism } from 'node:os';
import { defaultPairLimits } from './defaultPairLimits.js';
import { defaultRoutes } from './defaultRoutes.js';
import type { Route } from './types.js';

/** Options of {@link createServer}; every field has a default in {@link defaultServerOptions}. */
export interface ServerOptions {
  /** Interface to bind; loopback by default, so nothing is exposed unless asked for. */
  readonly host: string;
  /** Port; 0 picks a free one (see the address `listen()` returns). */
  readonly port: number;
  /** Largest request body accepted (413 beyond). Default 5 MiB. */
  readonly maxBodyBytes: number;
  /**
   * Largest problem built densely, every pair materialised (422 beyond): coachees × coaches
   * (`POST /match` on every pair, counting active coaches; `/explain`, `/compare`, `/rematch`, `/stable`), or a solver
   * problem's pairs, rows or columns. Default 4,000,000 (see defaultPairLimits). A cohort built
   * on every pair is held to the engine's DENSE_PAIR_LIMIT (20,000,000) however high this is set.
   */
  readonly maxPairs: number;
  /**
   * Largest `POST /match` run on candidate pairs (`candidates: 'always'`, or `'auto'` beyond
   * the engine's `LARGE_COHORT_PAIRS`), as coachees × active coaches (422 beyond). Default 10^8:
   * why, in defaultPairLimits.
   */
  readonly maxCandidatePairs: number;
  /** A computation running longer is stopped: 503. Default 30 s; at most 2^31 − 1 ms, as every duration here. */
  readonly timeLimitMs: number;
  /** A request (headers and body) not received within this gets a 408. Default 60 s. */
  readonly requestTimeoutMs: number;
  /** Request headers not received within this get a 408. Default 20 s; at most `requestTimeoutMs`. */
  readonly headersTimeoutMs: number;
  /**
   * When set, every non-public route needs it in `x-api-key` or `Authorization: Bearer`.
   * Printable ASCII without spaces: no request could present any other key.
   */
  readonly apiKey: string | undefined;
  /** Worker threads for computations. */
  readonly workers: number;
  /** Requests waiting for a worker beyond this get a 503 at once. */
  readonly maxQueue: number;
  /** `worker` (default): computations run in worker threads under the time limit; `inline`: on the event loop, no limit. */
  readonly isolation: 'worker' | 'inline';
  /** The route table. */
  readonly routes: readonly Route[];
  /** On shutdown, in-flight requests get this long before connections are cut. */
  readonly shutdownGraceMs: number;
  /** Receives one line per request (JSON: time, request id, method, route, status, ms); never bodies or people's data. */
  readonly log: (line: string) => void;
}

/** Defaults for {@link createServer}. */
export const defaultServerOptions: ServerOptions = {
  host: '127.0.0.1',
  port: 8080,
  maxBodyBytes: 5 * 1024 * 1024,
  ...defaultPairLimits,
  timeLimitMs: 30_000,
  requestTimeoutMs: 60_000,
  headersTimeoutMs: 20_000,
  apiKey: undefined,
  workers: Math.max(1, availableParallelism()),
  maxQueue: 256,
  isolation: 'worker',
  routes: defaultRoutes,
  shutdownGraceMs: 10_000,
  log: (line) => process.stderr.write(`${line}\n`),
};
