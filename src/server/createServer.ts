import { randomUUID } from 'node:crypto';
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { checkServerOptions } from './checkServerOptions.js';
import { clientErrorReply } from './clientErrorReply.js';
import { createInlineRunner } from './createInlineRunner.js';
import { createWorkerPool } from './createWorkerPool.js';
import { problemResponse } from './problemResponse.js';
import { routeRequest } from './routeRequest.js';
import { securityHeaders } from './securityHeaders.js';
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
 * @throws CoachmatchError of kind `invalidArgument` for options it cannot serve with (see checkServerOptions).
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
  checkServerOptions(settings);
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
    for (const [name, value] of Object.entries(securityHeaders)) response.setHeader(name, value);
    response.setHeader('x-request-id', requestId);
    for (const [name, value] of Object.entries(routed.headers ?? {})) response.setHeader(name, value);
    if (dropConnection) response.setHeader('connection', 'close');
    response.end(request.method === 'HEAD' ? undefined : body);
  };

  const handleRequest = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
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
  };

  const http = createHttpServer(
    {
      requestTimeout: settings.requestTimeoutMs,
      headersTimeout: settings.headersTimeoutMs,
      // Node checks both only this often (30 s by default), which would let a 1 s limit run to 31 s.
      connectionsCheckingInterval: Math.min(1_000, Math.ceil(settings.headersTimeoutMs / 4)),
    },
    (request, response) => void handleRequest(request, response),
  );
  // A client that asks before sending its body learns of a body over the limit without sending
  // it; any other body is asked for, and the pipeline answers as usual.
  http.on('checkContinue', (request, response) => {
    const declared = Number(request.headers['content-length']);
    if (!(Number.isFinite(declared) && declared > settings.maxBodyBytes)) response.writeContinue();
    void handleRequest(request, response);
  });
  http.on('clientError', (error: Error & { code?: string; rawPacket?: Buffer }, socket) => {
    // As Node's own handler: answer only when no response of ours has begun on this socket.
    const inFlight = (socket as { _httpMessage?: { headersSent?: boolean } })._httpMessage;
    if (error.code !== 'ECONNRESET' && socket.writable && inFlight?.headersSent !== true) {
      socket.end(clientErrorReply(error, settings), () => socket.destroy());
    } else socket.destroy();
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
