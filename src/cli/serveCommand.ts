import { availableParallelism } from 'node:os';
import { parseOptions } from './parseOptions.js';
import { LARGE_COHORT_PAIRS } from '../engine/match.js';
import { CoachmatchError, isErrorOfKind } from '../errors.js';
import { wholeNumberOption } from './wholeNumberOption.js';
import { createServer } from '../server/createServer.js';
import { parseByteSize } from '../server/parseByteSize.js';
import { parseDuration } from '../server/parseDuration.js';
import { defaultServerOptions } from '../server/serverOptions.js';

export const serveUsage = `coachmatch serve [--port 8080] [--host 127.0.0.1] [--api-key-env NAME] [--max-body 5mb] [--time-limit 30s] [--request-timeout 60s] [--headers-timeout 20s] [--max-pairs ${defaultServerOptions.maxPairs}] [--max-candidate-pairs ${defaultServerOptions.maxCandidatePairs}] [--workers N]

Serves the HTTP API: POST /match, /validate, /solve, /explain, /compare, /rematch, /stable; GET /openapi.json, /health.
--api-key-env NAME  require the key held in environment variable NAME (x-api-key or Authorization: Bearer)
--max-body          largest request body (413 beyond); units b, kb, mb (binary)
--time-limit        a computation running longer is stopped (503); 500ms, 30s, 2m
--request-timeout   a request (headers and body) not received within this gets a 408
--headers-timeout   request headers not received within this get a 408; at most --request-timeout
--max-pairs         largest problem built on every pair, coachees × coaches (422 beyond)
--max-candidate-pairs  largest POST /match on candidate pairs (candidates=always, or auto
                    beyond ${LARGE_COHORT_PAIRS} pairs), coachees × active coaches (422 beyond)
--workers           worker threads for computations (default: one per CPU)
Binds to loopback unless --host says otherwise. Logs one line per request on stderr, never
request bodies. Stops gracefully on SIGINT/SIGTERM (a second signal stops at once).`;

function positiveInteger(name: string, text: string | undefined, fallback: number): number {
  return text === undefined ? fallback : wholeNumberOption(name, text, 0);
}

/** Why a server could not listen, in words, for the errors a wrong --host or --port gives. */
function listenFailure(error: NodeJS.ErrnoException): string {
  switch (error.code) {
    case 'EADDRINUSE':
      return 'the port is in use (another server, or an earlier coachmatch serve)';
    case 'EACCES':
      return 'permission denied (ports below 1024 need privileges)';
    case 'EADDRNOTAVAIL':
      return 'the address is not one of this machine\'s';
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return 'the host name does not resolve';
    default:
      return error.message;
  }
}

/** The flag that sets each server option, to name it when createServer refuses the option. */
const flagOfOption: Readonly<Record<string, string>> = {
  host: 'host',
  port: 'port',
  apiKey: 'api-key-env',
  maxBodyBytes: 'max-body',
  timeLimitMs: 'time-limit',
  requestTimeoutMs: 'request-timeout',
  headersTimeoutMs: 'headers-timeout',
  maxPairs: 'max-pairs',
  maxCandidatePairs: 'max-candidate-pairs',
  workers: 'workers',
};

/**
 * Runs `start`, saying a refused server option in the flag that set it: createServer decides
 * which options it can serve with, and the CLI user knows `--headers-timeout 90s`, not
 * `$.headersTimeoutMs`. An API key is named by its variable, never quoted (it is a secret).
 */
function inFlags<T>(given: Readonly<Record<string, string | undefined>>, start: () => T): T {
  try {
    return start();
  } catch (error) {
    if (!isErrorOfKind(error, 'invalidArgument') || error.issues.length === 0) throw error;
    const flag = (option: string) => (Object.hasOwn(flagOfOption, option) ? `--${flagOfOption[option]}` : option);
    const lines = error.issues.map(({ path, message }) => {
      const option = path.replace(/^\$\./, '');
      const text = Object.hasOwn(flagOfOption, option) ? given[flagOfOption[option]!] : undefined;
      // Option names in the message (requestTimeoutMs) become flags too.
      const said = message.replace(/\b[a-z]+[A-Z]\w*\b/g, flag);
      return `${flag(option)}${text === undefined ? '' : ` ${text}`}: ${said}`;
    });
    throw new CoachmatchError('invalidArgument', lines.join('; '));
  }
}

/** `coachmatch serve`: runs until SIGINT/SIGTERM, then resolves with exit code 0. */
export async function serveCommand(args: string[]): Promise<number> {
  const { values } = parseOptions({
    args,
    options: {
      port: { type: 'string' },
      host: { type: 'string', default: defaultServerOptions.host },
      'api-key-env': { type: 'string' },
      'max-body': { type: 'string' },
      'time-limit': { type: 'string' },
      'request-timeout': { type: 'string' },
      'headers-timeout': { type: 'string' },
      'max-pairs': { type: 'string' },
      'max-candidate-pairs': { type: 'string' },
      workers: { type: 'string' },
    },
  });
  const port = positiveInteger('port', values.port, defaultServerOptions.port);
  if (port > 65535) throw new CoachmatchError('invalidArgument', `--port must be at most 65535, got ${port}`);
  let apiKey: string | undefined;
  const keyVariable = values['api-key-env'];
  if (keyVariable !== undefined) {
    // Own variables only: process.env["__proto__"] is an object, not a key.
    apiKey = Object.hasOwn(process.env, keyVariable) ? process.env[keyVariable] : undefined;
    // Refuse to start open when a key was asked for but is missing.
    if (typeof apiKey !== 'string' || apiKey === '') throw new CoachmatchError('invalidArgument', `--api-key-env ${keyVariable}: the environment variable is not set or empty`);
  }
  const workers = positiveInteger('workers', values.workers, defaultServerOptions.workers);
  // Each worker thread holds its own engine (tens of MB): a thousand took 30 s and 5.6 GB to start.
  const mostWorkers = 4 * availableParallelism();
  if (workers > mostWorkers) throw new CoachmatchError('invalidArgument', `--workers must be at most ${mostWorkers} (4 per CPU), got ${workers}`);
  const duration = (name: 'time-limit' | 'request-timeout' | 'headers-timeout', fallback: number) => {
    const text = values[name];
    if (text === undefined) return fallback;
    try {
      return parseDuration(text);
    } catch (error) {
      throw new CoachmatchError('invalidArgument', `--${name}: ${(error as Error).message}`);
    }
  };
  const requestTimeoutMs = duration('request-timeout', defaultServerOptions.requestTimeoutMs);
  const headersTimeoutMs = duration('headers-timeout', Math.min(defaultServerOptions.headersTimeoutMs, requestTimeoutMs));
  const options = {
    host: values.host,
    port,
    apiKey,
    maxBodyBytes: values['max-body'] === undefined ? defaultServerOptions.maxBodyBytes : parseByteSize(values['max-body']),
    timeLimitMs: duration('time-limit', defaultServerOptions.timeLimitMs),
    requestTimeoutMs,
    headersTimeoutMs,
    maxPairs: positiveInteger('max-pairs', values['max-pairs'], defaultServerOptions.maxPairs),
    maxCandidatePairs: positiveInteger('max-candidate-pairs', values['max-candidate-pairs'], defaultServerOptions.maxCandidatePairs),
    workers: Math.max(1, workers),
  };
  const server = inFlags(values, () => createServer(options));
  let url: string;
  try {
    ({ url } = await server.listen());
  } catch (error) {
    // The worker threads are already up: stop them, then say why in one line.
    await server.close();
    throw new CoachmatchError('invalidArgument', `cannot listen on ${values.host} port ${port}: ${listenFailure(error as NodeJS.ErrnoException)}`);
  }
  process.stderr.write(`coachmatch serve: listening on ${url}${apiKey === undefined ? '' : ' (API key required)'}\n`);
  if (!['127.0.0.1', '::1', 'localhost'].includes(values.host)) {
    process.stderr.write('coachmatch serve: not bound to loopback; the API speaks plain HTTP, so put a TLS proxy in front.\n');
  }
  return new Promise<number>((resolve) => {
    let stopping = false;
    const stop = (signal: NodeJS.Signals) => {
      if (stopping) {
        process.stderr.write(`coachmatch serve: ${signal} again, stopping now\n`);
        process.exit(130);
      }
      stopping = true;
      process.stderr.write(`coachmatch serve: ${signal}, finishing in-flight requests\n`);
      void server.close().then(() => {
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
        resolve(0);
      });
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}
