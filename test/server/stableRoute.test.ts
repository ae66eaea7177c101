import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prepareMatch, toAssignmentProblem } from '../../src/engine/match.js';
import { parseCohort } from '../../src/model/parseCohort.js';
import { stableRoute } from '../../src/server/routes/stableRoute.js';
import { preferencesFromScores } from '../../src/stable/preferencesFromScores.js';
import { root, runInProcess, tempDir } from '../cli/support.js';
import { problemOf, startTestServer } from './startTestServer.js';

/** Ranked lists by id for the alumni programme: each side ranks the other by the engine's pair scores. */
function alumniPreferences() {
  const prepared = prepareMatch(parseCohort(JSON.parse(readFileSync(join(root, 'fixtures/alumni-programme.json'), 'utf8'))));
  const { coacheeIds, coachIds } = prepared.features;
  const ranked = preferencesFromScores(toAssignmentProblem(prepared.combined, true));
  return {
    coacheePrefs: Object.fromEntries(coacheeIds.map((id, i) => [id, ranked.rowPrefs[i]!.map((j) => coachIds[j]!)])),
    coachPrefs: Object.fromEntries(coachIds.map((id, j) => [id, ranked.colPrefs[j]!.map((i) => coacheeIds[i]!)])),
    capacity: Object.fromEntries(coachIds.map((id, j) => [id, ranked.capacity![j]!])),
  };
}

describe(`POST ${stableRoute.path}`, () => {
  let s: Awaited<ReturnType<typeof startTestServer>>;
  const tmp = tempDir();
  beforeAll(async () => {
    s = await startTestServer();
  });
  afterAll(async () => {
    tmp.remove();
    await s.close();
  });

  it('finds the same stable matching as coachmatch stable on the alumni programme, for either side', async () => {
    const prefs = alumniPreferences();
    for (const optimal of ['coachee', 'coach'] as const) {
      const body = { ...prefs, optimal };
      const run = await runInProcess(['stable', tmp.write(`prefs-${optimal}.json`, body)]);
      expect(run.code, run.stderr).toBe(0);
      const response = await s.post('/stable', body);
      expect(response.status).toBe(200);
      const result = (await response.json()) as { matching: Record<string, string[]>; unmatched: string[] };
      expect(result).toEqual(JSON.parse(run.stdout));
      expect(Object.values(result.matching).flat().length + result.unmatched.length).toBe(Object.keys(prefs.coacheePrefs).length);
    }
  });

  it('answers unknown and repeated ids with 422 at their paths', async () => {
    const body = { coacheePrefs: { ann: ['kim', 'zed'], bob: ['kim', 'kim'] }, coachPrefs: { kim: ['ann', 'cy'] }, capacity: { lee: 1 } };
    const problem = await problemOf(await s.post('/stable', body));
    expect(problem.status).toBe(422);
    expect(problem.type).toBe('urn:coachmatch:problem:invalid-problem');
    expect(problem.errors!.map((e) => e.path).sort()).toEqual(['$.capacity.lee', '$.coachPrefs.kim[1]', '$.coacheePrefs.ann[1]', '$.coacheePrefs.bob[1]']);
  });

  it('rejects an ill-shaped preferences document with the paths of every problem', async () => {
    const problem = await problemOf(await s.post('/stable', { coacheePrefs: { ann: 'kim' }, capacity: { kim: -1 }, optimal: 'both', extra: true }));
    expect(problem.status).toBe(422);
    expect(problem.errors!.map((e) => e.path).sort()).toEqual(['$.capacity.kim', '$.coachPrefs', '$.coacheePrefs.ann', '$.extra', '$.optimal']);
  });

  it('refuses more coachees × coaches than the pair limit, before building the rank tables', async () => {
    const small = await startTestServer({ maxPairs: 10, isolation: 'inline' });
    try {
      const ids = (prefix: string) => Array.from({ length: 4 }, (_, n) => `${prefix}${n}`);
      const body = { coacheePrefs: Object.fromEntries(ids('e').map((id) => [id, []])), coachPrefs: Object.fromEntries(ids('c').map((id) => [id, []])) };
      const problem = await problemOf(await small.post('/stable', body));
      expect(problem.type).toBe('urn:coachmatch:problem:problem-too-large');
      expect(problem.errors!.map((e) => e.path)).toEqual(['$.coacheePrefs']);
    } finally {
      await small.close();
    }
  });

  it('is in the OpenAPI document with the preferences schema', async () => {
    const doc = (await (await fetch(`${s.url}/openapi.json`)).json()) as any;
    expect(doc.paths['/stable'].post.requestBody.content['application/json'].schema).toEqual({ $ref: '#/components/schemas/StablePreferences' });
    expect(doc.components.schemas.StablePreferences.required).toEqual(expect.arrayContaining(['coacheePrefs', 'coachPrefs']));
  });
});
