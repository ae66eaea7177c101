import { closeSync, existsSync, openSync } from 'node:fs';
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

  // /dev/full fails every write with ENOSPC, as a full disk does.
  it.skipIf(!existsSync('/dev/full'))('exits 74 with one line when the output cannot be written, and 2 for bad input when even stderr cannot be', () => {
    const full = openSync('/dev/full', 'w');
    try {
      const run = runProcess(['schema'], { stdout: full });
      expect(run.code).toBe(74);
      expect(run.stderr).toBe('coachmatch: cannot write the output: no space left on device (ENOSPC)\n');
      const doc = smallCohort();
      doc.coaches[0].capacity = -2;
      expect(runProcess(['match', tmp.write('bad-too.json', doc)], { stderr: full }).code).toBe(2);
    } finally {
      closeSync(full);
    }
  });

  it('exits 74 too when the --out file cannot be written: a missing folder, a directory, a full disk', () => {
    const targets = [tmp.path('no-such-folder/report.json'), tmp.path('.'), ...(existsSync('/dev/full') ? ['/dev/full'] : [])];
    for (const target of targets) {
      const run = runProcess(['match', alumniFixture, '--out', target]);
      expect(run.code, target).toBe(74);
      expect(run.stderr, target).toMatch(new RegExp(`^coachmatch match: Cannot write ${target.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: .+\n$`));
    }
    // A bad --out value is still bad input.
    expect(runProcess(['match', alumniFixture, '--out', '']).code).toBe(2);
  });

  it('exits 1 on an infeasible problem', () => {
    const run = runProcess(['solve', tmp.write('p.json', { weights: [[1], [2]] })]);
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout)).toMatchObject({ status: 'infeasible' });
  });
});
