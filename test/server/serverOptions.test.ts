import { describe, expect, it } from 'vitest';
import { isErrorOfKind } from '../../src/errors.js';
import { createServer } from '../../src/server/createServer.js';
import type { ServerOptions } from '../../src/server/serverOptions.js';
import { runInProcess } from '../cli/support.js';

/** The issues createServer throws for `options`, or a failure when it accepts them. */
function refusal(options: Partial<ServerOptions>) {
  try {
    void createServer({ port: 0, workers: 1, isolation: 'inline', log: () => {}, ...options }).close();
  } catch (error) {
    if (isErrorOfKind(error, 'invalidArgument')) return error;
    throw error;
  }
  throw new Error(`accepted ${JSON.stringify(options)}`);
}

describe('createServer refuses options it could not serve with', () => {
  it.each(['clé-sécrète', 'kéy', 'abc ', ' abc', 'a b', 'tab\tkey', 'ключ', 'line\nbreak'])('an API key no request can present: %j', (apiKey) => {
    const error = refusal({ apiKey });
    expect(error.issues).toEqual([{ path: '$.apiKey', message: expect.stringMatching(/printable ASCII without spaces/) }]);
    expect(error.message).not.toContain(apiKey.trim()); // the key is a secret: never echoed
  });

  it('accepts printable ASCII keys, and none', async () => {
    for (const apiKey of ['k3y-with-some-length-0123456789', '!~"#$%&()*+,./:;<=>?@[]^_`{|}', '', undefined]) {
      await createServer({ port: 0, isolation: 'inline', log: () => {}, apiKey }).close();
    }
  });

  it('a duration Node\'s timers cannot hold (over 2^31 - 1 ms they fire at once)', () => {
    for (const name of ['timeLimitMs', 'requestTimeoutMs', 'headersTimeoutMs'] as const) {
      const error = refusal({ [name]: 2 ** 31 });
      expect(error.issues.map((i) => i.path)).toContain(`$.${name}`);
    }
  });

  it('a headers timeout longer than the request timeout, and other impossible values', () => {
    expect(refusal({ headersTimeoutMs: 2_000, requestTimeoutMs: 1_000 }).issues).toEqual([{ path: '$.headersTimeoutMs', message: expect.stringContaining('at most requestTimeoutMs') }]);
    expect(refusal({ workers: 0 }).issues.map((i) => i.path)).toEqual(['$.workers']);
    expect(refusal({ maxBodyBytes: -1 }).issues.map((i) => i.path)).toEqual(['$.maxBodyBytes']);
    expect(refusal({ timeLimitMs: Number.NaN }).issues.map((i) => i.path)).toEqual(['$.timeLimitMs']);
  });
});

describe('coachmatch serve refuses, before starting anything (exit 2)', () => {
  it.each([
    [['--time-limit', '3000000s'], /--time-limit: a duration must be at most 2147483647 ms/],
    [['--request-timeout', '30d'], /--request-timeout: not a duration/],
    [['--headers-timeout', '2m', '--request-timeout', '1m'], /--headers-timeout 2m: must be at most --request-timeout \(60000 ms\): the headers are part of the request/],
  ])('%j', async (args, message) => {
    const run = await runInProcess(['serve', '--port', '0', '--workers', '1', ...args]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
  });

  it.each(['clé-sécrète', 'abc ', 'two words'])('an API key no request can present: %j', async (key) => {
    process.env.COACHMATCH_TEST_BAD_KEY = key;
    try {
      const run = await runInProcess(['serve', '--port', '0', '--workers', '1', '--api-key-env', 'COACHMATCH_TEST_BAD_KEY']);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/--api-key-env COACHMATCH_TEST_BAD_KEY: the key has .*; use printable ASCII without spaces/);
      expect(run.stderr).not.toContain(key.trim());
    } finally {
      delete process.env.COACHMATCH_TEST_BAD_KEY;
    }
  });
});
