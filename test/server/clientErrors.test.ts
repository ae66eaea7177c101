import { connect } from 'node:net';
import { describe, expect, it } from 'vitest';
import { serverForSuite } from './startTestServer.js';

/** Sends raw bytes on a fresh connection and collects the answer until the server closes it. */
function rawExchange(url: string, data: string): Promise<{ status: number; headers: string; body: string }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => socket.write(data));
    let received = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => (received += chunk));
    socket.on('error', reject);
    socket.on('close', () => {
      const [head = '', body = ''] = received.split('\r\n\r\n', 2);
      resolve({ status: Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1] ?? 0), headers: head.toLowerCase(), body });
    });
  });
}

describe('requests Node\'s HTTP parser refuses, and requests that do not arrive in time', () => {
  const s = serverForSuite({ headersTimeoutMs: 300, requestTimeoutMs: 600 });

  const expectProblem = (answer: { status: number; headers: string; body: string }, status: number, type: string) => {
    expect(answer.status, answer.headers).toBe(status);
    expect(answer.headers).toContain('content-type: application/problem+json');
    expect(answer.headers).toContain('connection: close');
    expect(JSON.parse(answer.body)).toMatchObject({ type: `urn:coachmatch:problem:${type}`, status, detail: expect.any(String) });
  };

  it('answers header fields over the limit with 431 problem details', async () => {
    expectProblem(await rawExchange(s.url, `GET /health HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`), 431, 'header-fields-too-large');
  });

  it('answers a URL over the limit with 414 problem details', async () => {
    expectProblem(await rawExchange(s.url, `GET /health?${'a'.repeat(20_000)} HTTP/1.1\r\nHost: x\r\n\r\n`), 414, 'uri-too-long');
  });

  it('answers what is not HTTP with 400 problem details', async () => {
    expectProblem(await rawExchange(s.url, 'FOO / HTTP/1.1\r\nHost: x\r\n\r\n'), 400, 'bad-request');
    expectProblem(await rawExchange(s.url, 'GET / HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n'), 400, 'bad-request');
  });

  it('answers headers that stall with 408 problem details, by the server\'s own headers timeout', async () => {
    expectProblem(await rawExchange(s.url, 'GET /health HTTP/1.1\r\nHost: x\r\n'), 408, 'request-timeout');
  });

  it('answers a body that stalls with 408 problem details, by the server\'s own request timeout', async () => {
    const answer = await rawExchange(s.url, 'POST /validate HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{');
    expectProblem(answer, 408, 'request-timeout');
    expect(JSON.parse(answer.body).detail).toContain('600 ms');
  });

  it('keeps serving afterwards', async () => {
    expect((await fetch(`${s.url}/health`)).status).toBe(200);
  });
});
