import { describe, expect, it } from 'vitest';
import { alumniFixture, runInProcess } from './support.js';

describe('coachmatch shortlist', () => {
  it('reports where choices would collide and exits 1 when places are too few', async () => {
    const run = await runInProcess(['shortlist', alumniFixture, '--k', '3']);
    expect(run.code).toBe(1);
    const result = JSON.parse(run.stdout);
    expect(result.guaranteed).toBe(false);
    expect(result.method).toBe('ownBest');
    expect(result.lists).toHaveLength(64);
    expect(result.collisions.length).toBeGreaterThan(0);
  });

  it('exits 2 with nothing on stdout for a bad --k', async () => {
    const run = await runInProcess(['shortlist', alumniFixture, '--k', '0']);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('--k');
  });
});
