import { existsSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AssignmentResult } from '../../src/solver/types.js';
import { runInProcess, tempDir } from './support.js';

describe('coachmatch solve', () => {
  let tmp: ReturnType<typeof tempDir>;
  beforeEach(() => {
    tmp = tempDir();
  });
  afterEach(() => tmp.remove());

  it('prints the optimal assignment as JSON and exits 0', async () => {
    const run = await runInProcess(['solve', tmp.write('p.json', { weights: [[5, 1], [4, 3]] })]);
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout) as AssignmentResult;
    expect(result).toMatchObject({ status: 'optimal', objective: 8, assignment: [0, 1] });
  });

  it('honours --method and --out', async () => {
    const out = tmp.path('result.json');
    const run = await runInProcess(['solve', tmp.write('p.json', { weights: [[5, null], [4, 3]], sense: 'max' }), '--method', 'lp', '--out', out]);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('');
    expect(existsSync(out)).toBe(true);
  });

  it('exits 1 with a diagnosis on an infeasible problem', async () => {
    const run = await runInProcess(['solve', tmp.write('p.json', { weights: [[1], [2], [3]], capacity: [2] })]);
    expect(run.code).toBe(1);
    const result = JSON.parse(run.stdout) as AssignmentResult;
    expect(result.status).toBe('infeasible');
    expect(result.status === 'infeasible' && result.diagnosis.map((d) => d.kind)).toContain('capacityShort');
  });

  it.each([
    ['ragged weights', { weights: [[1, 2], [3]] }],
    ['a negative capacity', { weights: [[1]], capacity: [-1] }],
    ['an unknown key', { weights: [[1]], capacty: [1] }],
    ['no weights or edges', { sense: 'max' }],
    ['a non-numeric weight', { weights: [['a']] }],
    ['an edge out of range', { rows: 1, cols: 1, edges: [[0, 3, 1]] }],
    // A few bytes that would otherwise ask for arrays of 10^8 rows and columns.
    ['more rows and columns than supported', { rows: 100_000_000, cols: 100_000_000, edges: [] }],
    ['more columns than supported', { rows: 1, cols: 10_000_001, edges: [[0, 5, 1]] }],
  ])('exits 2 and prints nothing on stdout for %s', async (_, problem) => {
    const out = tmp.path('result.json');
    const run = await runInProcess(['solve', tmp.write('p.json', problem), '--out', out]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('$');
    expect(existsSync(out)).toBe(false);
  });

  it('names an unknown key at its own path, as the HTTP API and the cohort readers do', async () => {
    const run = await runInProcess(['solve', tmp.write('p.json', { weights: [[1]], capacities: [1] })]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("$.capacities: unknown field 'capacities'");
  });

  it('exits 2 on malformed JSON and on an unknown --method', async () => {
    expect((await runInProcess(['solve', tmp.write('p.json', '[[1,')])).code).toBe(2);
    const run = await runInProcess(['solve', tmp.write('q.json', { weights: [[1]] }), '--method', 'simplex']);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
  });
});
