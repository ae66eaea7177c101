import { afterAll, describe, expect, it } from 'vitest';
import { alumniFixture, runProcess, smallCohort, tempDir } from './support.js';

// Spawns `node --import tsx src/cli/main.ts`: checks the process exit codes end to end.
describe('the coachmatch process', () => {
  const tmp = tempDir();
  afterAll(() => tmp.remove());

  it('exits 0 after matching the fixture', () => {
    const run = runProcess(['match', alumniFixture, '--format', 'md']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('## Pairs');
  });

  it('exits 2 on a bad cohort, with nothing on stdout', () => {
    const doc = smallCohort();
    doc.coaches[0].capacity = -2;
    const run = runProcess(['match', tmp.write('bad.json', doc)]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('$.coaches[0].capacity');
  });

  it('exits 1 on an infeasible problem', () => {
    const run = runProcess(['solve', tmp.write('p.json', { weights: [[1], [2]] })]);
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout)).toMatchObject({ status: 'infeasible' });
  });
});
