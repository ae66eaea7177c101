import { describe, expect, it } from 'vitest';
import type { Explanation } from '../../src/explain/explanation.js';
import { alumniFixture, runInProcess } from './support.js';

describe('coachmatch explain', () => {
  it('explains the chosen coachees as JSON, with k alternatives each and exits 0', async () => {
    const run = await runInProcess(['explain', alumniFixture, '--coachee', 'student-19', '--coachee', 'student-12', '--k', '2']);
    expect(run.code).toBe(0);
    const explanation = JSON.parse(run.stdout) as Explanation;
    expect(explanation.coachees.map((c) => c.coacheeId)).toEqual(['student-12', 'student-19']);
    for (const c of explanation.coachees) {
      expect(c.alternatives.length).toBeGreaterThanOrEqual(2);
      for (const a of c.alternatives) if (a.dualBound !== null && a.loss !== null) expect(a.dualBound).toBeLessThanOrEqual(a.loss + 1e-9);
    }
  });

  it('prints a Markdown table of alternatives with --format md', async () => {
    const run = await runInProcess(['explain', alumniFixture, '--coachee', 'student-19', '--format', 'md']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('| Alternative | Score | Loss if forced |');
  });

  it('exits 2 for an unknown coachee or a bad --k', async () => {
    const unknown = await runInProcess(['explain', alumniFixture, '--coachee', 'student-01', '--coachee', 'nobody']);
    expect(unknown.code).toBe(2);
    // Named as typed (the second --coachee), not by the library request's $.coacheeIds[1].
    expect(unknown.stderr).toContain("--coachee #2: unknown coachee 'nobody'");
    expect(unknown.stderr).not.toContain('$.');
    expect((await runInProcess(['explain', alumniFixture, '--k', '-1'])).code).toBe(2);
  });
});
