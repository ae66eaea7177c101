import { join } from 'node:path';
import { readFileSync, writeFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ScenarioComparison } from '../../src/scenarios/comparison.js';
import { alumniFixture, root, runInProcess, tempDir } from './support.js';

const scenario = (name: string) => join(root, 'fixtures/scenarios', `${name}.json`);

describe('coachmatch compare', () => {
  let tmp: ReturnType<typeof tempDir>;
  beforeEach(() => {
    tmp = tempDir();
  });
  afterEach(() => tmp.remove());

  it('compares scenarios side by side and lists coach changes with reasons', async () => {
    const run = await runInProcess(['compare', scenario('baseline'), scenario('coach-drops-out'), '--parallel', 'never']);
    expect(run.code).toBe(0);
    const comparison = JSON.parse(run.stdout) as ScenarioComparison;
    expect(comparison.scenarios.map((s) => s.name)).toEqual(['baseline', 'coach-09 drops out']);
    expect(comparison.changes.some((c) => c.reasons[1]?.kind === 'coachRemoved')).toBe(true);
  });

  it.each(['constructor', 'toString', '__proto__'])('compares a cohort whose coach is named %s, in a worker and in this thread', async (coach) => {
    const support = { socioEmotional: 3, network: 3, autonomy: 3, career: 3 };
    tmp.write('cohort.json', { coaches: [{ id: coach, name: 'Coach', capacity: 1, support }], coachees: [{ id: 's1', name: 'S', needs: support }] });
    const file = tmp.write('scenario.json', { base: 'cohort.json' });
    for (const parallel of ['never', 'always']) {
      const run = await runInProcess(['compare', file, '--parallel', parallel]);
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      expect((JSON.parse(run.stdout) as ScenarioComparison).scenarios[0]!.status).toBe('optimal');
    }
  });

  it('prints the trade-off curve of a sweep as a table', async () => {
    const run = await runInProcess(['compare', scenario('baseline'), '--sweep', 'weights.difference=0:1:4', '--format', 'md']);
    expect(run.code).toBe(0);
    const rows = run.stdout.split('\n').filter((l) => /^\| [0-9.]+ \| optimal/.test(l));
    expect(rows.map((r) => r.split('|')[1]!.trim())).toEqual(['0', '0.25', '0.5', '0.75', '1']);
  });

  it('lists the problems of every scenario file in one run, not the first file’s alone', async () => {
    const base = join(root, 'fixtures/alumni-programme.json');
    const write = (name: string, doc: unknown) => (writeFileSync(join(tmp.dir, name), JSON.stringify(doc)), join(tmp.dir, name));
    const files = [write('twice.json', { base, removeCoaches: ['coach-01', 'coach-01'] }), write('fine.json', { base }), write('unknown.json', { base, capacity: { 'coach-99': 2 } })];
    const run = await runInProcess(['compare', ...files]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('2 problems in 2 of 3 scenario files');
    expect(run.stderr).toContain(`${files[0]}: $.removeCoaches[1]`);
    expect(run.stderr).toContain(`${files[2]}: $.capacity["coach-99"]`);
  });

  it('exits 2 naming the path of an unknown coach in a scenario', async () => {
    const file = join(tmp.dir, 'bad.json');
    writeFileSync(file, JSON.stringify({ base: join(root, 'fixtures/alumni-programme.json'), removeCoaches: ['coach-77'] }));
    const run = await runInProcess(['compare', file]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('$.removeCoaches[0]');
  });

  it('exits 2 when two scenarios have one name, naming the later file and the earlier', async () => {
    // Was: exit 0, two columns both headed "baseline".
    const base = join(root, 'fixtures/alumni-programme.json');
    const named = tmp.write('named.json', { name: 'baseline', base, removeCoaches: ['coach-09'] });
    const run = await runInProcess(['compare', scenario('baseline'), named, '--parallel', 'never']);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(`${named}: $.name: the scenario name 'baseline' is already used by ${scenario('baseline')}: give each scenario its own name`);
    const twice = await runInProcess(['compare', scenario('baseline'), scenario('baseline'), '--parallel', 'never']);
    expect(twice.code).toBe(2);
    expect(twice.stderr).toContain(`${scenario('baseline')}: given twice`);
    // One file spelt two ways is still one scenario given twice, not two of one name.
    const spelt = await runInProcess(['compare', scenario('baseline'), scenario('baseline').replace(/\/([^/]+)$/, '/./$1'), '--parallel', 'never']);
    expect(spelt.code).toBe(2);
    expect(spelt.stderr).toContain('given twice');
    // Three times is one line that says so, not two alike.
    const thrice = await runInProcess(['compare', scenario('baseline'), scenario('baseline'), scenario('baseline'), '--parallel', 'never']);
    expect(thrice.stderr.split('\n').filter((line) => line.includes('given 3 times'))).toHaveLength(1);
    expect(thrice.stderr).not.toContain('given twice');
    // Unnamed, each is named after its file: the same file name in two folders clashes too.
    const other = tempDir();
    try {
      const [a, b] = [tmp.write('cut.json', { base }), other.write('cut.json', { base, capacity: { 'coach-01': 3 } })];
      const clash = await runInProcess(['compare', a, b, '--parallel', 'never']);
      expect(clash.code).toBe(2);
      expect(clash.stderr).toContain(`${b}: the scenario name 'cut' is already used by ${a}`);
    } finally {
      other.remove();
    }
  });

  it('exits 1 with a diagnosis when pins conflict', async () => {
    const file = join(tmp.dir, 'pins.json');
    writeFileSync(file, JSON.stringify({
      base: join(root, 'fixtures/alumni-programme.json'),
      pins: [{ coachee: 'student-01', coach: 'coach-02' }],
      bans: [{ coachee: 'student-01', coach: 'coach-02' }],
    }));
    const run = await runInProcess(['compare', file]);
    expect(run.code).toBe(1);
    expect((JSON.parse(run.stdout) as ScenarioComparison).scenarios[0]!.diagnosis).toEqual(['student-01 → coach-02 is banned: banned in this scenario']);
  });

  // Was: the diagnosis named pins by their place in the file ("pins[0] student-01 → coach-01,
  // pins[1] student-08 → coach-01 …"), so reordering `pins`, which carries no meaning, changed the output.
  it('prints byte-identical JSON and Markdown for a pin conflict whatever the order of the pins', async () => {
    const pins = [
      { coachee: 'student-08', coach: 'coach-01' },
      { coachee: 'student-01', coach: 'coach-01' },
      { coachee: 'student-30', coach: 'coach-04' },
      { coachee: 'student-21', coach: 'coach-04' },
      { coachee: 'student-10', coach: 'coach-04' },
    ];
    const outputs = new Set<string>();
    for (const [n, order] of [[0, 1, 2, 3, 4], [4, 3, 2, 1, 0], [2, 4, 1, 0, 3]].entries()) {
      const file = tmp.write(`pins-${n}.json`, { name: 'conflict', base: join(root, 'fixtures/alumni-programme.json'), capacity: { 'coach-01': 1, 'coach-04': 2 }, pins: order.map((k) => pins[k]) });
      for (const format of ['json', 'md']) {
        const run = await runInProcess(['compare', scenario('baseline'), file, '--parallel', 'never', '--format', format]);
        expect(run.code).toBe(1);
        outputs.add(`${format}\n${run.stdout}`);
      }
    }
    expect(outputs.size).toBe(2);
    const json = [...outputs].find((o) => o.startsWith('json\n'))!.slice(5);
    expect((JSON.parse(json) as ScenarioComparison).scenarios[1]!.diagnosis).toEqual([
      'student-01 → coach-01, student-08 → coach-01 put 2 coachees on coach-01 (capacity 1)',
      'student-10 → coach-04, student-21 → coach-04, student-30 → coach-04 put 3 coachees on coach-04 (capacity 2)',
    ]);
  });

  it("names the base file, not the scenario, for the base cohort's own problems", async () => {
    const tmp = tempDir();
    try {
      const cohort = JSON.parse(readFileSync(alumniFixture, 'utf8'));
      cohort.coaches[1].capacity = -1;
      tmp.write('bad-base.json', cohort);
      const scenario = tmp.write('scenario.json', { name: 's', base: 'bad-base.json' });
      const run = await runInProcess(['compare', scenario]);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain(`${join(tmp.dir, 'bad-base.json')} (the base of ${scenario}): Invalid cohort`);
      expect(run.stderr).toContain('$.coaches[1].capacity');
    } finally {
      tmp.remove();
    }
  });
});
