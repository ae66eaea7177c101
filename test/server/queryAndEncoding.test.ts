import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { problemOf, serverForSuite } from './startTestServer.js';

const alumniText = readFileSync(new URL('../../fixtures/alumni-programme.json', import.meta.url), 'utf8');
const prefs = '{"coacheePrefs":{"a":["x","y"],"b":["y","x"]},"coachPrefs":{"x":["b","a"],"y":["a","b"]}}';

describe('query parameters on a route that takes none', () => {
  const s = serverForSuite({ workers: 2 });

  it('refuses them with 422 at $query.<name> instead of ignoring them (POST /stable?optimal=coach answered coachee-optimal)', async () => {
    const problem = await problemOf(await s.post('/stable?optimal=coach', prefs));
    expect(problem).toMatchObject({ status: 422, type: 'urn:coachmatch:problem:invalid-request', errors: [{ path: '$query.optimal', message: expect.stringContaining('body') }] });
    for (const path of ['/explain?preset=diversity-first', '/rematch?format=md', '/validate?anything=1', '/compare?x=1&y=2&x=3']) {
      const refused = await problemOf(await s.post(path, alumniText));
      expect(refused.status, path).toBe(422);
      const names = [...new URL(path, 'http://x').searchParams.keys()];
      expect(refused.errors!.map((e) => e.path), path).toEqual([...new Set(names)].map((name) => `$query.${name}`));
    }
  });

  it('still answers those routes without a query string, and routes with a query schema as before', async () => {
    expect((await s.post('/stable', prefs)).status).toBe(200);
    expect((await s.post('/stable?', prefs)).status).toBe(200);
    expect((await s.post('/match?preset=default&format=csv', alumniText)).status).toBe(200);
    expect((await fetch(`${s.url}/health`)).status).toBe(200);
    // A GET without parameters answers the same whatever the query: a probe's cache-buster is no error.
    expect((await fetch(`${s.url}/health?probe=1`)).status).toBe(200);
  });
});

describe('a body that is not plain UTF-8', () => {
  const s = serverForSuite({ workers: 1 });
  const send = (body: Uint8Array, headers: Record<string, string>) => fetch(`${s.url}/validate`, { method: 'POST', headers, body });
  const utf8 = new Uint8Array(Buffer.from('{"coaches":[],"coachees":[]}'));

  it('refuses any charset but UTF-8 with 415, naming it, even when the bytes happen to be UTF-8', async () => {
    const latin1 = new Uint8Array(Buffer.from('{"name":"José","coaches":[],"coachees":[]}', 'latin1'));
    const utf16 = new Uint8Array(Buffer.from('\ufeff{"coaches":[],"coachees":[]}', 'utf16le'));
    for (const [body, type] of [[latin1, 'application/json; charset=iso-8859-1'], [utf16, 'application/json; charset=utf-16'], [utf8, 'application/json; charset=utf-16'], [utf8, 'application/json;charset="windows-1252"']] as const) {
      const problem = await problemOf(await send(body, { 'content-type': type }));
      expect(problem, type).toMatchObject({ status: 415, type: 'urn:coachmatch:problem:unsupported-media-type', detail: expect.stringMatching(/charset/) });
    }
  });

  it('refuses a compressed body with 415, naming its Content-Encoding', async () => {
    const response = await send(new Uint8Array(gzipSync(Buffer.from(utf8))), { 'content-type': 'application/json', 'content-encoding': 'gzip' });
    const problem = await problemOf(response);
    expect(problem).toMatchObject({ status: 415, detail: expect.stringContaining('gzip') });
    expect(response.headers.get('accept-encoding')).toBe('identity');
  });

  it('accepts UTF-8 however the charset is spelt, and an identity encoding', async () => {
    for (const type of ['application/json; charset=utf-8', 'application/json; charset="UTF-8"', 'application/json;CHARSET=Utf-8', 'application/json; charset=utf8', 'application/json']) {
      expect((await send(utf8, { 'content-type': type })).status, type).toBe(200);
    }
    expect((await send(utf8, { 'content-type': 'application/json', 'content-encoding': 'identity' })).status).toBe(200);
  });
});
