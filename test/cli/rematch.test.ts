import { describe, expect, it } from 'vitest';
import type { RematchResult } from '../../src/rematch/rematchResult.js';
import { alumniFixture, runInProcess, tempDir } from './support.js';

describe('coachmatch rematch', () => {
  it("moves a dropped-out coach's coachees and says why", async () => {
    const run = await runInProcess(['rematch', alumniFixture, '--dropout', 'coach-09']);
    expect(run.code).toBe(0);
    const outcome = JSON.parse(run.stdout) as RematchResult;
    if (outcome.status !== 'optimal') throw new Error(outcome.status);
    // In the fixture only student-35 has coach-09 as current coach.
    expect(outcome.moves.find((m) => m.coacheeId === 'student-35')?.reason.kind).toBe('coachDroppedOut');
  });

  it('prints a Markdown report with --format md', async () => {
    const run = await runInProcess(['rematch', alumniFixture, '--exit', 'student-12', '--format', 'md']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('## Moves');
  });

  it('exits 2 for a malformed pin or an unknown coach', async () => {
    expect((await runInProcess(['rematch', alumniFixture, '--pin', 'student-01'])).code).toBe(2);
    expect((await runInProcess(['rematch', alumniFixture, '--dropout', 'coach-77'])).code).toBe(2);
    expect((await runInProcess(['rematch', alumniFixture, '--change-price', '-1'])).code).toBe(2);
  });

  it('reads --current strictly: a misspelt key or a missing id is reported with its path (exit 2)', async () => {
    const tmp = tempDir();
    try {
      const good = await runInProcess(['rematch', alumniFixture, '--current', tmp.write('ok.json', [{ coacheeId: 'student-35', coachId: 'coach-09' }]), '--dropout', 'coach-09']);
      expect(good.code).toBe(0);
      const run = await runInProcess(['rematch', alumniFixture, '--current', tmp.write('bad.json', [{ coacheeId: 'student-35', coachId: 'coach-09', coach: 'x' }, { coacheeId: 'student-36' }])]);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('$[0]');
      expect(run.stderr).toContain('$[1].coachId');
    } finally {
      tmp.remove();
    }
  });

  it('names a bad id by the option or file that gave it, not by a request path the user never wrote', async () => {
    const tmp = tempDir();
    try {
      const options = await runInProcess(['rematch', alumniFixture, '--dropout', 'coach-09', '--dropout', 'coach-77', '--exit', 'nobody', '--pin', 'student-01=coach-01']);
      expect(options.code).toBe(2);
      expect(options.stderr).toContain("--dropout #2: unknown coach 'coach-77'");
      expect(options.stderr).toContain("--exit #1: unknown coachee 'nobody'");
      expect(options.stderr).toMatch(/--pin #1: .*a pin keeps a current pair/);
      const file = tmp.write('current.json', [{ coacheeId: 'student-35', coachId: 'coach-09' }, { coacheeId: 'student-36', coachId: 'coach-77' }]);
      const current = await runInProcess(['rematch', alumniFixture, '--current', file]);
      expect(current.code).toBe(2);
      expect(current.stderr).toContain(`${file}: $[1].coachId: unknown coach 'coach-77'`);
      expect(`${options.stderr}${current.stderr}`).not.toMatch(/\$\.(dropouts|exits|pins|current)/);
    } finally {
      tmp.remove();
    }
  });

  it('names the id a mistyped one only looks like, as a cohort file does', async () => {
    const run = await runInProcess(['rematch', alumniFixture, '--dropout', 'COACH-09', '--exit', 'student-12\u200b']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("--dropout #1: unknown coach 'COACH-09': 'coach-09' differs from it only in letter case");
    expect(run.stderr).toMatch(/--exit #1: unknown coachee 'student-12.': 'student-12' differs from it only in an invisible character/);
  });
});
