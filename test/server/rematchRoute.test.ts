import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createEngine } from '../../src/composition/createEngine.js';
import { parseCohort } from '../../src/model/parseCohort.js';
import { rematchRoute } from '../../src/server/routes/rematchRoute.js';
import { root, runInProcess, tempDir } from '../cli/support.js';
import { problemOf, serverForSuite } from './startTestServer.js';

const alumniFile = join(root, 'fixtures/alumni-programme.json');
const alumni = JSON.parse(readFileSync(alumniFile, 'utf8')) as Record<string, unknown>;
/** The pairs of today's matching of the alumni programme: what a re-match starts from. */
const current = createEngine()
  .match(parseCohort(alumni))
  .coachees.flatMap((c) => (c.status === 'matched' && c.coachId !== null ? [{ coacheeId: c.coacheeId, coachId: c.coachId }] : []));

/** What `coachmatch rematch <alumni> …args` prints. */
async function cli(...args: string[]): Promise<string> {
  const run = await runInProcess(['rematch', alumniFile, ...args]);
  expect(run.code, run.stderr).toBe(0);
  return run.stdout;
}

describe(`POST ${rematchRoute.path}`, () => {
  const s = serverForSuite({ workers: 2 });
  let tmp: ReturnType<typeof tempDir>;
  beforeEach(() => {
    tmp = tempDir();
  });
  afterEach(() => tmp.remove());

  it('re-matches after a drop-out and exit requests exactly as coachmatch rematch does', async () => {
    // student-19 on coach-07, a poor fit with places to spare: its exit raises the total and is granted.
    const before = current.map((p) => (p.coacheeId === 'student-19' ? { ...p, coachId: 'coach-07' } : p));
    const options = { current: before, dropouts: ['coach-09'], exits: ['student-19', 'student-02'], pins: [before[2]!], exitMargin: 0.25, changePrice: 0.4 };
    const args = ['--current', tmp.write('current.json', before), '--dropout', 'coach-09', '--exit', 'student-19', '--exit', 'student-02'];
    args.push('--pin', `${before[2]!.coacheeId}=${before[2]!.coachId}`, '--exit-margin', '0.25', '--change-price', '0.4');
    const [response, expected] = await Promise.all([s.post('/rematch', { ...alumni, options }), cli(...args)]);
    expect(response.status).toBe(200);
    expect(response.headers.get('x-coachmatch-status')).toBe('optimal');
    const outcome = (await response.json()) as { moves: { reason: { kind: string } }[]; grantedExits: string[] };
    expect(outcome).toEqual(JSON.parse(expected));
    expect(outcome.moves.some((m) => m.reason.kind === 'coachDroppedOut')).toBe(true);
    expect(outcome.grantedExits).toContain('student-19');
  });

  it("starts from the cohort's current coaches without options.current, and renders Markdown with format md", async () => {
    const json = await s.post('/rematch', { ...alumni, options: { dropouts: ['coach-09'] } });
    expect(await json.json()).toEqual(JSON.parse(await cli('--dropout', 'coach-09')));
    const md = await s.post('/rematch', { ...alumni, options: { dropouts: ['coach-09'], format: 'md' } });
    expect(md.headers.get('content-type')).toMatch(/^text\/markdown/);
    expect((await md.text()).trim()).toBe((await cli('--dropout', 'coach-09', '--format', 'md')).trim());
  });

  it('answers unknown ids in the request with 422 at their paths under options', async () => {
    const options = { current: [{ coacheeId: 'student-01', coachId: 'coach-99' }], exits: ['nobody'], dropouts: ['coach-77'], pins: [{ coacheeId: 'student-03', coachId: 'coach-88' }] };
    const problem = await problemOf(await s.post('/rematch', { ...alumni, options }));
    expect(problem.status).toBe(422);
    expect(problem.errors!.map((e) => e.path).sort()).toEqual(['$.options.current[0].coachId', '$.options.dropouts[0]', '$.options.exits[0]', '$.options.pins[0].coachId']);
  });

  it('rejects ill-typed options with their paths', async () => {
    const options = { changePrice: -1, clusterThreshold: 1.5, pins: [{ coachee: 'student-01' }], strict: true };
    const problem = await problemOf(await s.post('/rematch', { ...alumni, options }));
    expect(problem.status).toBe(422);
    expect(problem.errors!.map((e) => e.path).sort()).toEqual([
      '$.options.changePrice',
      '$.options.clusterThreshold',
      '$.options.pins[0].coachId',
      '$.options.pins[0].coachee',
      '$.options.pins[0].coacheeId',
      '$.options.strict',
    ]);
  });

  it('is in the OpenAPI document with its request schema', async () => {
    const doc = (await (await fetch(`${s.url}/openapi.json`)).json()) as any;
    expect(doc.paths['/rematch'].post.requestBody.content['application/json'].schema).toEqual({ $ref: '#/components/schemas/RematchRequest' });
    const options = doc.components.schemas.RematchRequest.properties.options;
    expect(Object.keys(options.properties)).toEqual(expect.arrayContaining(['current', 'exits', 'dropouts', 'pins', 'changePrice', 'exitMargin', 'clusterThreshold']));
  });
});
