import { afterAll, beforeAll } from 'vitest';
import { createServer } from '../../src/server/createServer.js';
import type { ServerOptions } from '../../src/server/serverOptions.js';

/** A real server on loopback (port 0) with its log lines collected, and a JSON POST helper. */
export async function startTestServer(options: Partial<ServerOptions> = {}) {
  const logs: string[] = [];
  const server = createServer({ port: 0, workers: 1, log: (line) => logs.push(line), ...options });
  const { url } = await server.listen();
  const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
  return { server, url, logs, post, close: () => server.close() };
}

/** What {@link startTestServer} gives back. */
export type TestServer = Awaited<ReturnType<typeof startTestServer>>;

/**
 * A test server for the enclosing suite: started before its tests and closed after them. The
 * object is filled in when the server has started, so tests read it as they would the server.
 */
export function serverForSuite(options: Partial<ServerOptions> = {}): TestServer {
  const handle = {} as TestServer;
  beforeAll(async () => {
    Object.assign(handle, await startTestServer(options));
  });
  afterAll(() => handle.close());
  return handle;
}

/** The problem document of a response, checked to be RFC 9457 problem details. */
export async function problemOf(response: Response): Promise<{ type: string; title: string; status: number; detail: string; errors?: { path: string; message: string }[] }> {
  if (response.headers.get('content-type') !== 'application/problem+json') {
    throw new Error(`expected application/problem+json, got ${response.headers.get('content-type')}: ${await response.text()}`);
  }
  return (await response.json()) as never;
}
