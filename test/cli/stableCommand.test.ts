import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { runCli } from '../../src/cli/runCli.js';

const dir = mkdtempSync(join(tmpdir(), 'coachmatch-stable-'));
const file = (name: string, content: unknown) => {
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
};

async function run(args: string[]) {
  let stdout = '';
  let stderr = '';
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((stdout += String(chunk)), true));
  const err = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => ((stderr += String(chunk)), true));
  try {
    return { code: await runCli(args), stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}

describe('coachmatch stable', () => {
  afterEach(() => vi.restoreAllMocks());

  // Gale & Shapley (1962), Example 1: coachees α, β, γ; coaches A, B, C.
  const example = {
    coacheePrefs: { alpha: ['A', 'B', 'C'], beta: ['B', 'C', 'A'], gamma: ['C', 'A', 'B'] },
    coachPrefs: { A: ['beta', 'gamma', 'alpha'], B: ['gamma', 'alpha', 'beta'], C: ['alpha', 'beta', 'gamma'] },
    capacity: { A: 1, B: 1, C: 1 },
  };

  it('prints the coachee-optimal matching and the unmatched coachees', async () => {
    const { code, stdout } = await run(['stable', file('coachee.json', { ...example, optimal: 'coachee' })]);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual({ matching: { A: ['alpha'], B: ['beta'], C: ['gamma'] }, unmatched: [] });
  });

  it.each(['constructor', 'toString', 'hasOwnProperty'])('matches a coach named %s that has no capacity entry', async (coach) => {
    const { code, stdout } = await run(['stable', file('proto.json', `{ "coacheePrefs": { "s1": ["${coach}"] }, "coachPrefs": { "${coach}": ["s1"] }, "capacity": {} }`)]);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual({ matching: { [coach]: ['s1'] }, unmatched: [] });
  });

  it('prints the coach-optimal matching with "optimal": "coach"', async () => {
    const { code, stdout } = await run(['stable', file('coach.json', { ...example, optimal: 'coach' })]);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual({ matching: { A: ['beta'], B: ['gamma'], C: ['alpha'] }, unmatched: [] });
  });

  it('writes to --out', async () => {
    const out = join(dir, 'out.json');
    const { code } = await run(['stable', file('out-in.json', example), '--out', out]);
    expect(code).toBe(0);
    expect(JSON.parse(readFileSync(out, 'utf8')).unmatched).toEqual([]);
  });

  it('exits 2 and names every bad field by JSON path', async () => {
    const { code, stdout, stderr } = await run([
      'stable',
      file('bad.json', { coacheePrefs: { ann: ['kim', 3] }, coachPrefs: { kim: ['ann'] }, capacity: { kim: -1 }, optimal: 'both', extra: 1 }),
    ]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    for (const path of ['$.coacheePrefs.ann[1]', '$.capacity.kim', '$.optimal', '$.extra']) expect(stderr).toContain(path);
  });

  it('exits 2 on an unknown coach id, naming where it appears', async () => {
    const { code, stderr } = await run(['stable', file('unknown.json', { coacheePrefs: { ann: ['zed'] }, coachPrefs: {} })]);
    expect(code).toBe(2);
    expect(stderr).toContain('$.coacheePrefs.ann[0]');
  });

  it('exits 2 on a file that is not JSON', async () => {
    expect((await run(['stable', file('broken.json', '{')])).code).toBe(2);
  });
});
