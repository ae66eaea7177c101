import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { defaultRoutes } from '../../src/server/defaultRoutes.js';
import { defineRoute } from '../../src/server/defineRoute.js';
import { jsonResponse } from '../../src/server/jsonResponse.js';
import type { Route } from '../../src/server/types.js';
import { validatedInJob } from '../../src/server/validatedInJob.js';
import { problemOf, serverForSuite } from './startTestServer.js';

const alumniText = readFileSync(new URL('../../fixtures/alumni-programme.json', import.meta.url), 'utf8');

/** Reports what the pipeline handed it: bytes, unparsed, for a route whose job reads its body. */
const echoRoute = defineRoute({
  method: 'POST',
  path: '/echo-bytes',
  summary: 'What the handler receives',
  parseBody: validatedInJob,
  handler: ({ body }) => jsonResponse({ bytes: body instanceof Uint8Array, text: Buffer.from(body).toString('latin1') }),
});

describe('bodies read in their jobs, off the event loop', () => {
  const s = serverForSuite({ workers: 2, routes: [...defaultRoutes, echoRoute as Route] });
  afterEach(() => vi.restoreAllMocks());

  it('hands a validatedInJob route the body\'s bytes, unparsed, even when they are not JSON', async () => {
    for (const text of ['{"a":1}', '{"coaches": [', '[{},{}', '\u00ff\u00fe']) {
      const response = await fetch(`${s.url}/echo-bytes`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: new Uint8Array(Buffer.from(text, 'latin1')) });
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ bytes: true, text });
    }
  });

  it('never runs JSON.parse on a body on the event loop: the job parses it', async () => {
    const parse = vi.spyOn(JSON, 'parse');
    const marker = 'not-parsed-on-the-main-thread';
    const bodies: [string, string][] = [
      ['/validate', alumniText.replace('{', `{"description":"${marker}",`)],
      ['/match', alumniText.replace('{', `{"description":"${marker}",`)],
      ['/solve', `{"weights":[[1,2],[3,4]],"sense":"max","x":"${marker}"}`],
      ['/stable', `{"coacheePrefs":{"a":["x"]},"coachPrefs":{"x":["a"]},"${marker}":1}`],
      ['/match', `[${'{},'.repeat(1000)}"${marker}"]`],
      ['/match', `{"${marker}":`],
    ];
    const statuses = [];
    for (const [path, body] of bodies) statuses.push((await s.post(path, body)).status);
    expect(statuses).toEqual([422, 422, 422, 422, 422, 400]); // unknown fields, an array, not JSON: each answered from its job
    const onMainThread = parse.mock.calls.filter(([text]) => typeof text === 'string' && text.includes(marker));
    expect(onMainThread).toHaveLength(0);
  });

  it('answers a body that is not JSON with 400 malformed-json at $, from the job', async () => {
    for (const body of ['{"coaches": [', '', '   ', 'nul', '{"a":1}{']) {
      const problem = await problemOf(await s.post('/validate', body));
      expect(problem).toMatchObject({ status: 400, type: 'urn:coachmatch:problem:malformed-json', errors: [{ path: '$' }] });
    }
    const latin1 = await fetch(`${s.url}/match`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]) });
    expect(await problemOf(latin1)).toMatchObject({ status: 400, errors: [{ path: '$', message: 'the body is not valid UTF-8' }] });
  });

  it('answers nesting over 64 levels with 422 at $, before any recursive code runs', async () => {
    const problem = await problemOf(await s.post('/match', `{"coaches":${'['.repeat(300_000)}${']'.repeat(300_000)},"coachees":[]}`));
    expect(problem).toMatchObject({ status: 422, type: 'urn:coachmatch:problem:invalid-request', errors: [{ path: '$', message: 'nested deeper than 64 levels' }] });
  });

  it('refuses a key given twice with 422 at the path of the repeat, on every route (JSON.parse would keep the last)', async () => {
    const repeated = alumniText.replace(/("capacity":\s*\d+)/, '$1, "capacity": 0');
    const index = (JSON.parse(alumniText) as { coaches: { capacity?: number }[] }).coaches.findIndex((c) => c.capacity !== undefined);
    for (const path of ['/validate', '/match', '/explain']) {
      const problem = await problemOf(await s.post(path, repeated));
      expect(problem.status, path).toBe(422);
      expect(problem.errors, path).toEqual([{ path: `$.coaches[${index}].capacity`, message: expect.stringContaining('"capacity" is given more than once') }]);
    }
    const stable = await problemOf(await s.post('/stable', '{"coacheePrefs":{"a":["x"]},"coachPrefs":{"x":["a"]},"optimal":"coach","optimal":"coachee"}'));
    expect(stable.errors).toEqual([{ path: '$.optimal', message: expect.stringContaining('more than once') }]);
    const solve = await problemOf(await s.post('/solve', '{"weights":[[1]],"sense":"max","sense":"min"}'));
    expect(solve.errors?.map((e) => e.path)).toEqual(['$.sense']);
  });

  it('refuses ids that are not well-formed Unicode (two lone surrogates would both print as U+FFFD)', async () => {
    const document = JSON.parse(alumniText) as { coaches: { id: string }[] };
    const text = JSON.stringify(document).replace(`"id":"${document.coaches[0]!.id}"`, '"id":"c\\ud800"').replace(`"id":"${document.coaches[1]!.id}"`, '"id":"c\\udbff"');
    const problem = await problemOf(await s.post('/match?format=csv', text));
    expect(problem.status).toBe(422);
    expect(problem.errors!.map((e) => e.path)).toEqual(['$.coaches[0].id', '$.coaches[1].id']);
  });
});

describe('bodies read inline (isolation: inline)', () => {
  const s = serverForSuite({ isolation: 'inline' });

  it('answers as the worker pool does: 400 for not JSON, 422 at the path of a repeated key', async () => {
    expect((await problemOf(await s.post('/validate', '{'))).status).toBe(400);
    const problem = await problemOf(await s.post('/solve', '{"weights":[[1]],"weights":[[2]]}'));
    expect(problem).toMatchObject({ status: 422, errors: [{ path: '$.weights' }] });
    expect((await s.post('/validate', alumniText)).status).toBe(200);
  });
});
