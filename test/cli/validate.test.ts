import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { alumniFixture, runInProcess, smallCohort, tempDir } from './support.js';

describe('coachmatch validate', () => {
  let tmp: ReturnType<typeof tempDir>;
  beforeEach(() => {
    tmp = tempDir();
  });
  afterEach(() => tmp.remove());

  it('exits 0 on a valid cohort and says so on stdout', async () => {
    const run = await runInProcess(['validate', alumniFixture]);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain('valid');
  });

  it('exits 2 on an invalid cohort, listing the problem’s path on stderr only', async () => {
    const doc = smallCohort();
    doc.coachees[0].avoid = ['c2'];
    const run = await runInProcess(['validate', tmp.write('cohort.json', doc)]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('$.coachees[0].avoid[0]');
  });

  it('reports an unknown field at its own path', async () => {
    const doc = smallCohort();
    doc.coaches[0].capacty = 3;
    const run = await runInProcess(['validate', tmp.write('cohort.json', doc)]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('$.coaches[0].capacty');
  });
});
