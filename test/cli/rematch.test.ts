import { describe, expect, it } from 'vitest';
import type { RematchResult } from '../../src/rematch/rematchResult.js';
import { alumniFixture, runInProcess } from './support.js';

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
});
