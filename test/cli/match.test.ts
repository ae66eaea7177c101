import { spawn, spawnSync } from 'node:child_process';
import { lstatSync, readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Matching } from '../../src/engine/matching.js';
import { alumniFixture, root, runInProcess, smallCohort, tempDir } from './support.js';
import { kindsOnly } from '../../fixtures/synthetic/fewKinds.js';
import { syntheticCohort } from '../../fixtures/synthetic/syntheticCohort.js';

describe('coachmatch match', () => {
  let tmp: ReturnType<typeof tempDir>;
  beforeEach(() => {
    tmp = tempDir();
  });
  afterEach(() => tmp.remove());

  it('prints the explained matching of the fixture as JSON and exits 0', async () => {
    const run = await runInProcess(['match', alumniFixture]);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    const matching = JSON.parse(run.stdout) as Matching;
    expect(matching.status).toBe('optimal');
    expect(matching.preset).toBe('default');
    expect(matching.coachees.length).toBeGreaterThanOrEqual(60);
    expect(matching.kpis.matched).toBe(matching.coachees.length);
  });

  it('refuses --alternatives with --candidates always, or with quotas: the alternatives would explain another solve', async () => {
    const always = await runInProcess(['match', alumniFixture, '--format', 'html', '--alternatives', '2', '--candidates', 'always']);
    expect(always.code).toBe(2);
    expect(always.stderr).toContain('--alternatives prices each alternative on every pair');
    const withQuota = { ...smallCohort(), policy: { quotas: [{ kind: 'commonGround' }] } };
    const quotas = await runInProcess(['match', tmp.write('quota.json', withQuota), '--format', 'html', '--alternatives', '2']);
    expect(quotas.code).toBe(2);
    expect(quotas.stderr).toContain('does not go with a cohort that has quotas');
  });

  it('prints a Markdown report with --format md', async () => {
    const run = await runInProcess(['match', alumniFixture, '--format', 'md']);
    expect(run.code).toBe(0);
    expect(run.stdout.startsWith('# ')).toBe(true);
    for (const heading of ['## Key figures', '## Pairs', '## Coaches']) expect(run.stdout).toContain(heading);
  });

  it('matches on candidate pairs with --candidates always, proving the same optimum as every pair', async () => {
    const dense = JSON.parse((await runInProcess(['match', alumniFixture])).stdout) as Matching;
    const run = await runInProcess(['match', alumniFixture, '--candidates', 'always', '--candidate-k', '2']);
    expect(run.code).toBe(0);
    const matching = JSON.parse(run.stdout) as Matching;
    expect(matching.status).toBe('optimal');
    expect(matching.candidates?.certified).toBe(true);
    expect(matching.candidates!.pairs).toBeLessThan(matching.candidates!.allPairs);
    expect(Math.abs(matching.objective! - dense.objective!)).toBeLessThan(1e-9 * Math.abs(dense.objective!));
    expect(matching.candidates!.k).toBe(2);
    // Without --candidate-k the engine's default applies.
    const byDefault = JSON.parse((await runInProcess(['match', alumniFixture, '--candidates', 'always'])).stdout) as Matching;
    expect(byDefault.candidates!.k).toBe(32);
    // One round on 1 candidate a coachee: not proven (exit code 1), and said so.
    const oneRound = await runInProcess(['match', alumniFixture, '--candidates', 'always', '--candidate-k', '1', '--max-rounds', '1']);
    const unproven = JSON.parse(oneRound.stdout) as Matching;
    expect(unproven.candidates!.rounds).toBe(1);
    expect([oneRound.code, unproven.status, unproven.candidates!.certified]).toEqual([1, 'feasible', false]);
    const markdown = await runInProcess(['match', alumniFixture, '--candidates', 'always', '--format', 'md']);
    expect(markdown.stdout).toContain('Matched on candidate pairs');
  });

  it('matches coachees that come in few kinds by kind, and in rounds with --no-kinds, at the same optimum', async () => {
    const file = tmp.write('kinds.json', JSON.stringify(kindsOnly(syntheticCohort(300, 40, 2, { capacity: [8, 12] }))));
    const dense = JSON.parse((await runInProcess(['match', file])).stdout) as Matching;
    const byKind = JSON.parse((await runInProcess(['match', file, '--candidates', 'always'])).stdout) as Matching;
    const rounds = JSON.parse((await runInProcess(['match', file, '--candidates', 'always', '--no-kinds'])).stdout) as Matching;
    expect([byKind.status, byKind.candidates!.certified, byKind.candidates!.kinds]).toEqual(['optimal', true, 15]);
    expect([rounds.status, rounds.candidates!.certified, rounds.candidates!.kinds]).toEqual(['optimal', true, undefined]);
    for (const m of [byKind, rounds]) expect(Math.abs(m.objective! - dense.objective!)).toBeLessThan(1e-9 * Math.abs(dense.objective!));
  });

  it.each([
    [['--candidates', 'sometimes'], '--candidates'],
    [['--candidate-k', '0'], '--candidate-k'],
    [['--candidate-k', '2.5'], '--candidate-k'],
    [['--max-rounds', '0'], '--max-rounds'],
    [['--max-rounds', 'many'], '--max-rounds'],
    [['--pair-budget', '-1'], '--pair-budget'],
    [['--pair-budget', '1e6'], '--pair-budget'],
  ])('refuses %j with exit code 2, naming the option', async (extra, option) => {
    const run = await runInProcess(['match', alumniFixture, ...extra]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(option);
  });

  it('applies --preset', async () => {
    const run = await runInProcess(['match', alumniFixture, '--preset', 'diversity-first']);
    expect(run.code).toBe(0);
    expect((JSON.parse(run.stdout) as Matching).preset).toBe('diversity-first');
  });

  it.each([['json'], ['md']])('writes --out (format %s) to the file, the same text as on stdout, and nothing else', async (format) => {
    const out = tmp.path(`report.${format}`);
    const printed = await runInProcess(['match', alumniFixture, '--format', format]);
    const written = await runInProcess(['match', alumniFixture, '--format', format, '--out', out]);
    expect(written.code).toBe(0);
    expect(written.stdout).toBe('');
    expect(readFileSync(out, 'utf8').trimEnd()).toBe(printed.stdout.trimEnd());
    // Atomic: written through a temporary file renamed into place, which must not be left behind.
    expect(tmp.list()).toEqual([`report.${format}`]);
  });

  it('replaces an existing --out file whole', async () => {
    const out = tmp.write('report.json', 'x'.repeat(1_000_000));
    const run = await runInProcess(['match', tmp.write('cohort.json', smallCohort()), '--out', out]);
    expect(run.code).toBe(0);
    expect((JSON.parse(readFileSync(out, 'utf8')) as Matching).coachees).toHaveLength(2);
    expect(tmp.list()).toEqual(['cohort.json', 'report.json']);
  });

  it('reports an unwritable --out path as output that could not be written (exit 74, not bad input), writing nothing', async () => {
    const run = await runInProcess(['match', tmp.write('cohort.json', smallCohort()), '--out', tmp.path('missing-dir/report.json')]);
    expect(run.code).toBe(74);
    expect(run.stdout).toBe('');
    expect(tmp.list()).toEqual(['cohort.json']);
  });

  it('follows a symbolic --out link: the file it points to gets the report, the link stays', async () => {
    const target = tmp.write('target.csv', 'old');
    const link = tmp.path('link.csv');
    symlinkSync(target, link);
    const run = await runInProcess(['match', tmp.write('cohort.json', smallCohort()), '--format', 'csv', '--out', link]);
    expect(run.code).toBe(0);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readFileSync(target, 'utf8')).toMatch(/^\uFEFF?coacheeId,/);
    expect(tmp.list()).toEqual(['cohort.json', 'link.csv', 'target.csv']);
  });

  it('writes into a named pipe given as --out, instead of renaming a file over it', async () => {
    const fifo = tmp.path('pipe');
    if (spawnSync('mkfifo', [fifo]).status !== 0) return; // no mkfifo here: nothing to check
    const reader = spawn('cat', [fifo]);
    let received = '';
    reader.stdout.setEncoding('utf8').on('data', (chunk: string) => (received += chunk));
    const done = new Promise<void>((resolve) => reader.on('exit', () => resolve()));
    const run = await runInProcess(['match', tmp.write('cohort.json', smallCohort()), '--out', fifo]);
    await done;
    expect(run.code).toBe(0);
    expect(lstatSync(fifo).isFIFO()).toBe(true);
    expect((JSON.parse(received) as Matching).coachees).toHaveLength(2);
  });

  it('stops quietly when its reader closes the pipe early (`| head`)', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'src/cli/main.ts'), 'match', alumniFixture], { cwd: root });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    // Closed before anything is read: the first write meets a closed pipe.
    child.stdout.destroy();
    const code = await new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });

  it('exits 1 with a diagnosis when --strict cannot place every coachee', async () => {
    const doc = smallCohort();
    doc.coaches[0].capacity = 0;
    doc.coaches[1].capacity = 1;
    const run = await runInProcess(['match', tmp.write('cohort.json', doc), '--strict']);
    expect(run.code).toBe(1);
    const matching = JSON.parse(run.stdout) as Matching;
    expect(matching.status).toBe('infeasible');
    expect(matching.diagnosis.length).toBeGreaterThan(0);
  });

  it('leaves coachees unmatched with a reason, and exits 0, without --strict', async () => {
    const doc = smallCohort();
    doc.coaches[0].capacity = 0;
    doc.coaches[1].capacity = 1;
    const run = await runInProcess(['match', tmp.write('cohort.json', doc)]);
    expect(run.code).toBe(0);
    const matching = JSON.parse(run.stdout) as Matching;
    expect(matching.kpis.unmatched).toBe(1);
  });

  it('prints its usage with --help and exits 0', async () => {
    const run = await runInProcess(['match', '--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('coachmatch match');
  });
});
