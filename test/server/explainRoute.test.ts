import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { explainRoute } from '../../src/server/routes/explainRoute.js';
import { root, runInProcess } from '../cli/support.js';
import { problemOf, serverForSuite } from './startTestServer.js';

const alumniFile = join(root, 'fixtures/alumni-programme.json');
const alumni = JSON.parse(readFileSync(alumniFile, 'utf8')) as Record<string, unknown>;

/** What `coachmatch explain <alumni> …args` prints. */
async function cli(...args: string[]): Promise<string> {
  const run = await runInProcess(['explain', alumniFile, ...args]);
  expect(run.code, run.stderr).toBe(0);
  return run.stdout;
}

describe(`POST ${explainRoute.path}`, () => {
  const s = serverForSuite({ workers: 2 });

  it('explains the alumni programme exactly as coachmatch explain does', async () => {
    const [response, expected] = await Promise.all([s.post('/explain', alumni), cli()]);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(response.headers.get('x-coachmatch-status')).toBe('optimal');
    const explanation = (await response.json()) as { coachees: unknown[] };
    expect(explanation).toEqual(JSON.parse(expected));
    expect(explanation.coachees).toHaveLength((alumni.coachees as unknown[]).length);
  });

  it('takes --coachee, --k and --preset as options, and renders Markdown with format md', async () => {
    const options = { coacheeIds: ['student-12', 'student-05'], k: 1, preset: 'diversity-first' } as const;
    const args = ['--coachee', 'student-12', '--coachee', 'student-05', '--k', '1', '--preset', 'diversity-first'];
    const json = await s.post('/explain', { ...alumni, options });
    expect(await json.json()).toEqual(JSON.parse(await cli(...args)));
    const md = await s.post('/explain', { ...alumni, options: { ...options, format: 'md' } });
    expect(md.status).toBe(200);
    expect(md.headers.get('content-type')).toMatch(/^text\/markdown/);
    expect((await md.text()).trim()).toBe((await cli(...args, '--format', 'md')).trim());
  });

  it('answers an unknown coachee with 422 at its place in options.coacheeIds', async () => {
    const problem = await problemOf(await s.post('/explain', { ...alumni, options: { coacheeIds: ['student-05', 'nobody'] } }));
    expect(problem.status).toBe(422);
    expect(problem.errors!.map((e) => e.path)).toEqual(['$.options.coacheeIds[1]']);
  });

  it('rejects bad options and an invalid cohort together, each at its path', async () => {
    const coaches = alumni.coaches as Record<string, unknown>[];
    const broken = { ...alumni, coaches: [{ ...coaches[0], capacity: -1 }, ...coaches.slice(1)], options: { k: -1, format: 'html', why: true } };
    const problem = await problemOf(await s.post('/explain', broken));
    expect(problem.status).toBe(422);
    expect(problem.type).toBe('urn:coachmatch:problem:invalid-cohort');
    expect(problem.errors!.map((e) => e.path).sort()).toEqual(['$.coaches[0].capacity', '$.options.format', '$.options.k', '$.options.why']);
  });

  it('is in the OpenAPI document with its request schema', async () => {
    const doc = (await (await fetch(`${s.url}/openapi.json`)).json()) as any;
    const operation = doc.paths['/explain'].post;
    expect(operation.requestBody.content['application/json'].schema).toEqual({ $ref: '#/components/schemas/ExplainRequest' });
    const schema = doc.components.schemas.ExplainRequest;
    expect(schema.properties.coaches.items).toEqual({ $ref: '#/components/schemas/Coach' });
    expect(Object.keys(schema.properties.options.properties).sort()).toEqual(['allowUnmatched', 'coacheeIds', 'format', 'k', 'preset']);
    expect(operation.responses['422'].content['application/problem+json']).toBeDefined();
  });
});
