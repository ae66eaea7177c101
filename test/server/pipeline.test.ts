import { request as httpRequest } from 'node:http';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { problemOf, serverForSuite } from './startTestServer.js';

const alumniText = readFileSync(new URL('../../fixtures/alumni-programme.json', import.meta.url), 'utf8');
const alumni = JSON.parse(alumniText) as { coaches: { id: string; name: string }[]; coachees: { id: string; name: string }[] };

/** A raw request, for bodies fetch will not send (chunked without a length). */
function rawPost(url: string, path: string, chunks: Buffer[], headers: Record<string, string>): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(`${url}${path}`, { method: 'POST', headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    const write = (i: number) => {
      if (i === chunks.length) return req.end();
      if (!req.write(chunks[i]!)) req.once('drain', () => write(i + 1));
      else setImmediate(() => write(i + 1));
    };
    write(0);
  });
}

describe('the request pipeline', () => {
  const s = serverForSuite({ maxBodyBytes: 1_000_000 });

  it('answers an unknown route with 404 problem details', async () => {
    const problem = await problemOf(await fetch(`${s.url}/matches`));
    expect(problem).toMatchObject({ status: 404, type: 'urn:coachmatch:problem:not-found' });
  });

  it('answers a wrong method with 405 and an Allow header', async () => {
    const get = await fetch(`${s.url}/match`);
    expect(get.status).toBe(405);
    expect(get.headers.get('allow')).toBe('POST');
    const post = await s.post('/health', {});
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET, HEAD');
    expect((await problemOf(post)).type).toBe('urn:coachmatch:problem:method-not-allowed');
  });

  it('refuses a body that is not application/json with 415', async () => {
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'application/jsonx']) {
      const response = await fetch(`${s.url}/validate`, { method: 'POST', headers: { 'content-type': type }, body: alumniText });
      expect((await problemOf(response)).status).toBe(415);
    }
    const none = await fetch(`${s.url}/validate`, { method: 'POST', body: new Uint8Array(Buffer.from(alumniText)) });
    expect(none.status).toBe(415);
  });

  it('accepts application/json with a charset parameter', async () => {
    const response = await s.post('/validate', alumniText, { 'content-type': 'application/json; charset=utf-8' });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ valid: true, coachees: alumni.coachees.length, coaches: alumni.coaches.length, people: expect.any(Number), relations: expect.any(Number) });
  });

  it('answers malformed JSON, an empty body and invalid UTF-8 with 400 at $', async () => {
    for (const body of ['{"coaches": [', '', 'nul', '{"a":1}{']) {
      const problem = await problemOf(await s.post('/match', body));
      expect(problem).toMatchObject({ status: 400, type: 'urn:coachmatch:problem:malformed-json' });
      expect(problem.errors?.[0]?.path ?? '$').toBe('$');
    }
    const bytes = await fetch(`${s.url}/match`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]) });
    expect((await problemOf(bytes)).status).toBe(400);
  });

  it('answers JSON that is not a cohort (an array, a number, null) with 422 at $', async () => {
    for (const body of ['[]', '42', 'null', '"cohort"']) {
      const problem = await problemOf(await s.post('/match', body));
      expect(problem.status).toBe(422);
      expect(problem.errors!.map((e) => e.path)).toContain('$');
    }
  });

  it('answers a body over the limit with 413, whether its length is declared or not, and keeps serving', async () => {
    const big = JSON.stringify({ ...alumni, description: 'x'.repeat(1_050_000) });
    const declared = await problemOf(await s.post('/match', big));
    expect(declared).toMatchObject({ status: 413, type: 'urn:coachmatch:problem:body-too-large' });
    const chunks = Array.from({ length: 110 }, () => Buffer.from('x'.repeat(10_000)));
    const chunked = await rawPost(s.url, '/match', chunks, { 'content-type': 'application/json', 'transfer-encoding': 'chunked' });
    expect(chunked.status).toBe(413);
    expect(JSON.parse(chunked.body).type).toBe('urn:coachmatch:problem:body-too-large');
    expect((await fetch(`${s.url}/health`)).status).toBe(200);
  });

  it('lists the first 100 of many problems, with their total, without stalling other requests', async () => {
    const coaches = Array.from({ length: 20_000 }, (_, i) => ({ id: i }));
    const pending = s.post('/validate', { coaches, coachees: [] }, { 'content-type': 'application/json' });
    const health = await fetch(`${s.url}/health`);
    expect(health.status).toBe(200);
    const problem = (await problemOf(await pending)) as Awaited<ReturnType<typeof problemOf>> & { errorCount?: number };
    expect(problem.status).toBe(422);
    expect(problem.errors).toHaveLength(100);
    expect(problem.errorCount).toBeGreaterThanOrEqual(60_000);
    expect(problem.detail).toContain(String(problem.errorCount));
  });

  it('answers deeply nested JSON with a 4xx, not a crash', async () => {
    const deep = `${'['.repeat(50_000)}${']'.repeat(50_000)}`;
    const status = (await s.post('/match', `{"coaches":${deep},"coachees":[]}`)).status;
    expect(status).toBe(422);
    expect((await fetch(`${s.url}/health`)).status).toBe(200);
  });

  it('answers a /solve problem with ragged weights with 422 naming the row', async () => {
    const problem = await problemOf(await s.post('/solve', { weights: [[1, 2], [3]] }));
    expect(problem.status).toBe(422);
    expect(problem.type).toBe('urn:coachmatch:problem:invalid-problem');
    expect(problem.errors!.some((e) => e.path.startsWith('$.weights[1]'))).toBe(true);
  });

  it('answers a /solve body with unknown fields with 422 at each field', async () => {
    const problem = await problemOf(await s.post('/solve', { weights: [[1]], capacities: [1] }));
    expect(problem.status).toBe(422);
    expect(problem.errors!.map((e) => e.path)).toContain('$.capacities');
  });

  it('sends no-store and nosniff, and a request id it also logs', async () => {
    const response = await fetch(`${s.url}/health`);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    const id = response.headers.get('x-request-id')!;
    expect(s.logs.some((line) => JSON.parse(line).requestId === id)).toBe(true);
  });

  it('logs one line per request with method, route, status and duration, and never a name, an id or a body', async () => {
    const before = s.logs.length;
    await s.post('/match', alumniText);
    await s.post('/match?preset=nope', alumniText);
    await fetch(`${s.url}/people/${encodeURIComponent(alumni.coachees[0]!.name)}`);
    const lines = s.logs.slice(before);
    expect(lines).toHaveLength(3);
    for (const line of lines) {
      expect(Object.keys(JSON.parse(line)).sort()).toEqual(['method', 'ms', 'requestId', 'route', 'status', 'time']);
      for (const person of [...alumni.coaches, ...alumni.coachees]) {
        expect(line).not.toContain(person.name);
        expect(line).not.toContain(person.id);
      }
    }
    expect(lines.map((l) => JSON.parse(l).status)).toEqual([200, 422, 404]);
    expect(JSON.parse(lines[2]!).route).toBe('(unmatched)');
  });
});

describe('the API key', () => {
  const key = 'k3y-with-some-length-0123456789';
  const s = serverForSuite({ apiKey: key });

  it('refuses a request without a key, or with a wrong one, with 401', async () => {
    for (const headers of <Record<string, string>[]>[{}, { 'x-api-key': 'wrong' }, { 'x-api-key': `${key}x` }, { authorization: `Basic ${key}` }, { authorization: 'Bearer ' }]) {
      const response = await s.post('/validate', alumniText, headers);
      expect((await problemOf(response)).status).toBe(401);
      expect(response.headers.get('www-authenticate')).toMatch(/^Bearer/);
    }
  });

  it('accepts the key in x-api-key or as a Bearer token', async () => {
    expect((await s.post('/validate', alumniText, { 'x-api-key': key })).status).toBe(200);
    expect((await s.post('/validate', alumniText, { authorization: `Bearer ${key}` })).status).toBe(200);
  });

  it('checks the key before the body: a wrong key gets 401 even for malformed JSON', async () => {
    expect((await s.post('/match', '{', { 'x-api-key': 'wrong' })).status).toBe(401);
  });

  it('leaves the health check open', async () => {
    expect((await fetch(`${s.url}/health`)).status).toBe(200);
  });
});
