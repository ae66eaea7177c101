import { connect } from 'node:net';
import { describe, expect, it } from 'vitest';
import { serverForSuite } from './startTestServer.js';

/** Sends `head` and waits for the server's first answer; sends `body` only if that is 100 Continue. */
function expectContinue(url: string, head: string, body: string): Promise<string[]> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => socket.write(head));
    let received = '';
    let sentBody = false;
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      received += chunk;
      if (!sentBody && received.startsWith('HTTP/1.1 100')) {
        sentBody = true;
        socket.write(body);
      }
      if (/\r\n\r\n\{.*\}$/s.test(received)) socket.end();
    });
    socket.on('error', reject);
    socket.on('close', () => resolve(received.split('\r\n').filter((line) => line.startsWith('HTTP/1.1 '))));
  });
}

describe('Expect: 100-continue', () => {
  const s = serverForSuite({ maxBodyBytes: 1_000 });

  it('answers a declared length over the limit with 413 at once, without asking for the body', async () => {
    const head = 'POST /validate HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 2000000\r\nExpect: 100-continue\r\n\r\n';
    const statusLines = await expectContinue(s.url, head, 'x'.repeat(2_000_000));
    expect(statusLines).toEqual(['HTTP/1.1 413 Payload Too Large']);
  });

  it('asks for a body within the limit and answers it', async () => {
    const body = '{"coaches":[],"coachees":[]}';
    const head = `POST /validate HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\nExpect: 100-continue\r\nConnection: close\r\n\r\n`;
    const statusLines = await expectContinue(s.url, head, body);
    expect(statusLines).toEqual(['HTTP/1.1 100 Continue', 'HTTP/1.1 200 OK']);
  });
});
