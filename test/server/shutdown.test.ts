import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer as createNetServer, type AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { syntheticCohort } from '../../fixtures/synthetic/syntheticCohort.js';
import { runProcess } from '../cli/support.js';
import { startTestServer } from './startTestServer.js';

describe('graceful shutdown', () => {
  it('lets an in-flight request finish, then refuses new connections', async () => {
    const s = await startTestServer();
    await s.post('/solve', { weights: [[1]] }); // warm the worker
    const inFlight = s.post('/match', syntheticCohort(1000, 200, 3));
    await new Promise((resolve) => setTimeout(resolve, 150));
    const closed = s.close();
    const response = await inFlight;
    expect(response.status).toBe(200);
    expect(((await response.json()) as any).status).toBe('optimal');
    await closed;
    await expect(fetch(`${s.url}/health`)).rejects.toThrow();
  });
});

describe('coachmatch serve', () => {
  it('listens on loopback, serves, and exits 0 on SIGTERM', async () => {
    const root = fileURLToPath(new URL('../../', import.meta.url));
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'serve', '--port', '0', '--workers', '1', '--time-limit', '5s', '--max-body', '1mb', '--max-pairs', '100', '--max-candidate-pairs', '1000'], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.setEncoding('utf8');
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no listening line: ${stderr}`)), 20_000);
      child.stderr.on('data', (chunk: string) => {
        stderr += chunk;
        const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(stderr);
        if (match) {
          clearTimeout(timer);
          resolve(match[1]!);
        }
      });
    });
    try {
      expect((await fetch(`${url}/health`)).status).toBe(200);
      const tooBig = await fetch(`${url}/validate`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: `"${'x'.repeat(1_100_000)}"` });
      expect(tooBig.status).toBe(413);
      // 64 coachees × 26 active coaches: over both pair limits given, each named when it applies.
      const alumni = readFileSync(new URL('../../fixtures/alumni-programme.json', import.meta.url), 'utf8');
      const post = (query: string) => fetch(`${url}/match?${query}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: alumni });
      expect(((await (await post('candidates=always')).json()) as any).detail).toMatch(/1664 pairs, more than the limit of 1000 pairs for matching on candidate pairs;/);
      expect(((await (await post('candidates=never')).json()) as any).detail).toMatch(/1664 pairs, more than the limit of 100 pairs for matching on every pair;/);
    } finally {
      child.kill('SIGTERM');
    }
    const code = await new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
    expect(code).toBe(0);
    expect(stderr).toMatch(/"route":"\/health","status":200/);
  });

  it('exits 2 with one line, no stack trace and no threads left, when the port is taken', async () => {
    const taken = createNetServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const { port } = taken.address() as AddressInfo;
    try {
      const run = runProcess(['serve', '--port', String(port), '--workers', '1']);
      expect(run.code).toBe(2);
      expect(run.stderr.trim()).toBe(`coachmatch serve: cannot listen on 127.0.0.1 port ${port}: the port is in use (another server, or an earlier coachmatch serve)`);
    } finally {
      taken.close();
    }
  });

  it.each([
    [['--workers', '100000'], /--workers must be at most \d+ \(4 per CPU\), got 100000/],
    [['--max-candidate-pairs', '1e8'], /--max-candidate-pairs must be a whole number ≥ 0, got "1e8"/],
    [['--api-key-env', '__proto__'], /--api-key-env __proto__: the environment variable is not set or empty/],
    [['--api-key-env', 'constructor'], /--api-key-env constructor: the environment variable is not set or empty/],
  ])('refuses %j before starting anything (exit 2)', (args, message) => {
    const run = runProcess(['serve', '--port', '0', ...args]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
  });
});
