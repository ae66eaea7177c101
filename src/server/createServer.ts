import { randomUUID } from 'node:crypto';
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createInlineRunner } from './createInlineRunner.js';
import { createWorkerPool } from './createWorkerPool.js';
import { problemResponse } from './problemResponse.js';
import { routeRequest } from './routeRequest.js';
import { defaultServerOptions, type ServerOptions } from './serverOptions.js';
import type { RouteResponse } from './types.js';

/** A running (or ready to run) coachmatch HTTP server. */
export interface CoachmatchServer {
  /** The underlying `node:http` server. */
  readonly http: Server;
  /** Starts listening; resolves with the bound address (useful with port 0). */
  listen(): Promise<{ host: string; port: number; url: string }>;
  /**
   * Graceful stop: no new connections, in-flight requests finish (up to `shutdownGraceMs`,
   * then connections are cut), then the workers stop.
   */
  close(): Promise<void>;
}

/**
 * The coachmatch HTTP API on `node:http`: the route table of `options.routes` behind one
 * pipeline (API key, content type, size limits, JSON, validation, problem details), with
 * computations in worker threads under a time limit. Installs no signal handlers: the caller
 * (`coachmatch serve`) decides when to `close()`.
 *
 * @example
 * ```ts
 * const server = createServer({ port: 0, apiKey: process.env.COACHMATCH_API_KEY });
 * const { url } = await server.listen();
 * const response = await fetch(`${url}/match`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
 * await server.close();
 * ```
 */
export function createServer(options: Partial<ServerOptions> = {}): CoachmatchServer {
  const settings = { ...defaultServerOptions, ...options };
  const runner =
    settings.isolation === 'inline'
      ? createInlineRunner()
      : createWorkerPool({ size: settings.workers, timeLimitMs: settings.timeLimitMs, maxQueue: settings.maxQueue });
  const env = {
    routes: settings.routes,
    runner,
    limits: { maxPairs: settings.maxPairs, maxCandidatePairs: settings.maxCandidatePairs },
    maxBodyBytes: settings.maxBodyBytes,
    apiKey: settings.apiKey === '' ? undefined : settings.apiKey,
  };
  let closing = false;

  const send = (request: IncomingMessage, response: ServerResponse, routed: RouteResponse, requestId: string, dropConnection: boolean) => {
    const body = Buffer.from(routed.body, 'utf8');
    response.statusCode = routed.status;
    response.setHeader('content-type', routed.contentType);
    response.setHeader('content-length', body.length);
    response.setHeader('cache-control', 'no-store');
    response.setHeader('x-content-type-options', 'nosniff');
    response.setHeader('x-request-id', requestId);
    for (const [name, value] of Object.entries(routed.headers ?? {})) response.setHeader(name, value);
    if (dropConnection) response.setHeader('connection', 'close');
    response.end(request.method === 'HEAD' ? undefined : body);
  };

  const http = createHttpServer(async (request, response) => {
    const started = performance.now();
    const requestId = randomUUID();
    response.on('error', () => {}); // a client that went away is not the server's problem
    let status = 500;
    let routePath = '(unmatched)';
    // A client that disconnects before its answer frees the worker its job holds.
    const clientGone = new AbortController();
    response.once('close', () => {
      if (!response.writableFinished) clientGone.abort();
    });
    try {
      if (closing) {
        status = 503;
        send(request, response, problemResponse('shutting-down', 'The server is shutting down; retry on another instance.'), requestId, true);
        return;
      }
      const routed = await routeRequest(request, requestId, env, clientGone.signal);
      status = routed.response.status;
      if (routed.route !== undefined) routePath = routed.route.path;
      // A body left unread (401, 413, 415 …) would be parsed as the next request: close instead.
      const unread = routed.bodyUnread && !request.complete;
      send(request, response, routed.response, requestId, closing || unread);
      if (unread) response.once('finish', () => request.destroy());
    } catch {
      status = 500;
      if (!response.headersSent) send(request, response, problemResponse('internal-error', 'Unexpected server error; please report it.'), requestId, true);
    } finally {
      // Route pattern, never the raw URL: a path or query string may carry someone's name.
      const ms = Math.round((performance.now() - started) * 10) / 10;
      settings.log(JSON.stringify({ time: new Date().toISOString(), requestId, method: request.method, route: routePath, status, ms }));
    }
  });
  http.on('clientError', (_error, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nconnection: close\r\ncontent-length: 0\r\n\r\n');
    else socket.destroy();
  });

  return {
    http,
    listen: () =>
      new Promise((resolve, reject) => {
        http.once('error', reject);
        http.listen(settings.port, settings.host, () => {
          http.off('error', reject);
          const { address, port } = http.address() as AddressInfo;
          const host = address.includes(':') ? `[${address}]` : address;
          resolve({ host: address, port, url: `http://${host}:${port}` });
        });
      }),
    async close() {
      if (closing) return;
      closing = true;
      const stopped = new Promise<void>((resolve) => {
        if (!http.listening) resolve();
        else http.close(() => resolve());
      });
      http.closeIdleConnections();
      const grace = setTimeout(() => http.closeAllConnections(), settings.shutdownGraceMs);
      grace.unref();
      await stopped;
      clearTimeout(grace);
      await runner.close();
    },
  };
}
