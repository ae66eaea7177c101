import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareRoute } from '../../src/server/routes/compareRoute.js';
import { root, runInProcess } from '../cli/support.js';
import { problemOf, serverForSuite, startTestServer } from './startTestServer.js';

const alumni = JSON.parse(readFileSync(join(root, 'fixtures/alumni-programme.json'), 'utf8')) as Record<string, unknown>;
const scenarioDir = join(root, 'fixtures/scenarios');
// The baseline first, as a comparison's first scenario is the one the others are measured against.
const files = readdirSync(scenarioDir).filter((f) => f.endsWith('.json')).sort((a, b) => Number(b === 'baseline.json') - Number(a === 'baseline.json') || (a < b ? -1 : 1));
/** A scenario file as sent over HTTP: without its base path (the base travels inline). */
const inline = (file: string) => {
  const { base, ...changes } = JSON.parse(readFileSync(join(scenarioDir, file), 'utf8')) as Record<string, unknown>;
  expect(base).toBe('../alumni-programme.json');
  return changes;
};

/** What `coachmatch compare <scenario files> …args` prints. */
async function cli(scenarioFiles: readonly string[], ...args: string[]): Promise<string> {
  const run = await runInProcess(['compare', ...scenarioFiles.map((f) => join(scenarioDir, f)), '--parallel', 'never', ...args]);
  expect(run.code, run.stderr).toBe(0);
  return run.stdout;
}

describe(`POST ${compareRoute.path}`, () => {
  const s = serverForSuite({ workers: 2 });

  it('compares the fixture scenarios, base inlined, exactly as coachmatch compare does with the files', async () => {
    expect(files.length).toBeGreaterThanOrEqual(5);
    const [response, expected] = await Promise.all([s.post('/compare', { base: alumni, scenarios: files.map(inline) }), cli(files)]);
    expect(response.status).toBe(200);
    expect(response.headers.get('x-coachmatch-status')).toBe('optimal');
    const comparison = (await response.json()) as { scenarios: { name: string }[]; changes: unknown[] };
    expect(comparison).toEqual(JSON.parse(expected));
    expect(comparison.scenarios.map((x) => x.name)[0]).toBe('baseline');
    expect(comparison.changes.length).toBeGreaterThan(0);
  });

  it('sweeps one scenario as --sweep does, in JSON and Markdown', async () => {
    const body = { base: alumni, scenarios: [inline('more-diversity.json')], sweep: 'weights.difference=0:2:4' };
    const json = await s.post('/compare', body);
    expect(json.status).toBe(200);
    const curve = (await json.json()) as { points: unknown[] };
    expect(curve).toEqual(JSON.parse(await cli(['more-diversity.json'], '--sweep', 'weights.difference=0:2:4')));
    expect(curve.points).toHaveLength(5);
    const md = await s.post('/compare', { ...body, format: 'md' });
    expect(md.headers.get('content-type')).toMatch(/^text\/markdown/);
    expect((await md.text()).trim()).toBe((await cli(['more-diversity.json'], '--sweep', 'weights.difference=0:2:4', '--format', 'md')).trim());
  });

  it('names a scenario without a name by its position', async () => {
    const comparison = (await (await s.post('/compare', { base: alumni, scenarios: [{}, { removeCoaches: ['coach-09'] }] })).json()) as any;
    expect(comparison.scenarios.map((x: { name: string }) => x.name)).toEqual(['scenario 1', 'scenario 2']);
  });

  it('refuses two scenarios of one name, also a default name or one that only prints alike, at the later one', async () => {
    // Was: 200, with two columns of one name.
    const scenarios = [{ name: 'cut' }, { name: 'scenario 1' }, { name: 'cut\u200b' }, {}, { name: 'cut' }];
    const problem = await problemOf(await s.post('/compare', { base: alumni, scenarios }));
    expect(problem.status).toBe(422);
    expect(problem.type).toBe('urn:coachmatch:problem:invalid-scenario');
    expect(problem.errors!.map((e) => e.path)).toEqual(['$.scenarios[2].name', '$.scenarios[4].name']);
    const defaulted = await problemOf(await s.post('/compare', { base: alumni, scenarios: [{}, { name: 'scenario 1' }] }));
    expect(defaulted.errors).toEqual([{ path: '$.scenarios[1].name', message: "the scenario name 'scenario 1' is already used by $.scenarios[0]: give each scenario its own name" }]);
  });

  it('holds a scenario to the limits of a scenario file: a name of at most 1000 characters, a capacity of at most 1,000,000', async () => {
    const scenarios = [{ name: 'x'.repeat(1001) }, { name: 'cut', capacity: { 'coach-01': 2_000_000 } }];
    const problem = await problemOf(await s.post('/compare', { base: alumni, scenarios }));
    expect(problem.status).toBe(422);
    expect(problem.errors!.map((e) => e.path).sort()).toEqual(['$.scenarios[0].name', '$.scenarios[1].capacity["coach-01"]']);
  });

  it('answers an unknown coach or coachee in a scenario with 422 at its path in the request', async () => {
    const scenarios = [inline('baseline.json'), { pins: [{ coachee: 'student-05', coach: 'coach-99' }], bans: [{ coachee: 'nobody', coach: 'coach-02' }], removeCoaches: ['coach-77'] }];
    const problem = await problemOf(await s.post('/compare', { base: alumni, scenarios }));
    expect(problem.status).toBe(422);
    expect(problem.type).toBe('urn:coachmatch:problem:invalid-scenario');
    expect(problem.errors!.map((e) => e.path).sort()).toEqual(['$.scenarios[1].bans[0].coachee', '$.scenarios[1].pins[0].coach', '$.scenarios[1].removeCoaches[0]']);
  });

  it('refuses a coach removed twice, and a capacity for a removed coach, at their paths in the request', async () => {
    // Was: 200; the repeat and the capacity were dropped without a word.
    const scenarios = [{}, { removeCoaches: ['coach-09', 'coach-09'], capacity: { 'coach-09': 3 } }];
    const problem = await problemOf(await s.post('/compare', { base: alumni, scenarios }));
    expect(problem.status).toBe(422);
    expect(problem.errors!.map((e) => e.path).sort()).toEqual(['$.scenarios[1].capacity["coach-09"]', '$.scenarios[1].removeCoaches[1]']);
    // The place it points to is within the scenario: a `$.removeCoaches[0]` is nowhere in this request.
    for (const error of problem.errors!) {
      expect(error.message).toContain('removeCoaches[0]');
      expect(error.message).not.toContain('$.');
    }
  });

  it('counts every problem of every scenario, also those the changed cohort counts without listing', async () => {
    const coach = (alumni.coaches as Record<string, unknown>[])[0]!;
    const addCoaches = Array.from({ length: 1200 }, (_, n) => ({ ...coach, id: `added-${n}`, attributes: { shoeSize: 'large' } }));
    const scenarios = [{ addCoaches }, { removeCoaches: ['coach-77'] }];
    const problem = (await problemOf(await s.post('/compare', { base: alumni, scenarios }))) as Awaited<ReturnType<typeof problemOf>> & { errorCount?: number };
    expect(problem.status).toBe(422);
    expect(problem.errorCount).toBe(1201);
    expect(problem.detail).toMatch(/^Invalid scenario: 1201 problems/);
  });

  it('refuses a base path in a scenario: the server never reads a file named by a request', async () => {
    const problem = await problemOf(await s.post('/compare', { base: alumni, scenarios: [{ base: '../alumni-programme.json' }] }));
    expect(problem.status).toBe(422);
    expect(problem.errors!.map((e) => e.path)).toEqual(['$.scenarios[0].base']);
    const asPath = await problemOf(await s.post('/compare', { base: '/etc/passwd', scenarios: [{}] }));
    expect(asPath.status).toBe(422);
    expect(asPath.errors!.every((e) => e.path.startsWith('$.base'))).toBe(true);
  });

  it('reports an invalid base cohort, bad scenario shapes and a bad sweep at once, each at its path', async () => {
    const coaches = alumni.coaches as Record<string, unknown>[];
    const base = { ...alumni, coaches: [{ ...coaches[0], capacity: -1 }, ...coaches.slice(1)] };
    const problem = await problemOf(await s.post('/compare', { base, scenarios: [{ capacity: { 'coach-01': 'two' } }], sweep: 'weights.colour=0:1:2', extra: 1 }));
    expect(problem.status).toBe(422);
    expect(problem.errors!.map((e) => e.path).sort()).toEqual(['$.base.coaches[0].capacity', '$.extra', '$.scenarios[0].capacity["coach-01"]']);
    const sweep = await problemOf(await s.post('/compare', { base: alumni, scenarios: [{}, {}], sweep: 'weights.colour=0:1:2' }));
    expect(sweep.errors!.map((e) => e.path).sort()).toEqual(['$.scenarios', '$.sweep']);
    const empty = await problemOf(await s.post('/compare', { base: alumni, scenarios: [] }));
    expect(empty.errors!.map((e) => e.path)).toEqual(['$.scenarios']);
  });

  it('is in the OpenAPI document, its base a Cohort and its scenarios without a base path', async () => {
    const doc = (await (await fetch(`${s.url}/openapi.json`)).json()) as any;
    expect(doc.paths['/compare'].post.requestBody.content['application/json'].schema).toEqual({ $ref: '#/components/schemas/CompareRequest' });
    const schema = doc.components.schemas.CompareRequest;
    expect(schema.properties.base).toEqual({ $ref: '#/components/schemas/Cohort' });
    expect(schema.required).toEqual(expect.arrayContaining(['base', 'scenarios']));
    const scenario = schema.properties.scenarios.items;
    expect(scenario.properties.pins).toBeDefined();
    expect(scenario.properties.base).toBeUndefined();
    expect(scenario.additionalProperties).toBe(false);
  });
});

describe('the problem size limit on POST /compare', () => {
  it('applies to each scenario and to all runs together', async () => {
    // The alumni programme: 64 coachees × 28 coaches = 1792 pairs.
    const s = await startTestServer({ maxPairs: 2000, isolation: 'inline' });
    try {
      const bigger = await problemOf(await s.post('/compare', { base: alumni, scenarios: [{}, inline('five-more-coaches.json')] }));
      expect(bigger.type).toBe('urn:coachmatch:problem:problem-too-large');
      expect(bigger.errors!.map((e) => e.path)).toEqual(['$.scenarios[1]']);
      const two = await problemOf(await s.post('/compare', { base: alumni, scenarios: [{}, {}] }));
      expect(two.type).toBe('urn:coachmatch:problem:problem-too-large');
      expect(two.errors!.map((e) => e.path)).toEqual(['$.scenarios']);
      const sweep = await problemOf(await s.post('/compare', { base: alumni, scenarios: [{}], sweep: 'weights.difference=0:1:1' }));
      expect(sweep.errors!.map((e) => e.path)).toEqual(['$.sweep']);
      expect((await s.post('/compare', { base: alumni, scenarios: [{}] })).status).toBe(200);
    } finally {
      await s.close();
    }
  });
});
