import { describe, expect, it } from 'vitest';
import { clientErrorReply } from '../../src/server/clientErrorReply.js';
import { securityHeaders } from '../../src/server/securityHeaders.js';

describe('security headers', () => {
  it('are no-store and nosniff, and a raw reply to a request Node refused carries them as a routed answer does', () => {
    expect(securityHeaders).toEqual({ 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' });
    const reply = clientErrorReply(Object.assign(new Error('bad'), { code: 'HPE_INVALID_METHOD' }), { requestTimeoutMs: 60_000, headersTimeoutMs: 20_000 });
    const head = reply.split('\r\n\r\n', 1)[0]!.split('\r\n');
    expect(head).toEqual(expect.arrayContaining(['cache-control: no-store', 'x-content-type-options: nosniff']));
  });
});
