import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/runCli.js';
import { root, runInProcess, smallCohort, tempDir } from '../cli/support.js';
import { runs } from '../helpers/runs.js';

const tmp = tempDir();
afterAll(() => tmp.remove());
mkdirSync(tmp.path('sub'));

const cohort = smallCohort();
const files = {
  cohort: tmp.write('cohort.json', cohort),
  strictInfeasible: tmp.write('full.json', { ...cohort, coaches: [{ ...cohort.coaches[0], capacity: 0, minLoad: 0 }], coachees: cohort.coachees.map((c: object) => ({ ...c, preferences: [] })) }),
  invalidCohort: tmp.write('invalid.json', { ...cohort, coaches: [{ id: '', capacity: -1 }] }),
  notJson: tmp.write('broken.json', '{"coaches": ['),
  bom: tmp.write('bom.json', `\uFEFF${JSON.stringify(cohort)}`),
  empty: tmp.write('empty.json', ''),
  problem: tmp.write('problem.json', { weights: [[5, 1], [4, 3]] }),
  infeasibleProblem: tmp.write('infeasible-problem.json', { weights: [[1, null], [2, null]] }),
  hostileProblem: tmp.write('hostile-problem.json', '{"weights":[[1e999,"NaN"],[-0]],"capacity":[-1,1.5]}'),
  scenario: tmp.write('scenario.json', { base: 'cohort.json', removeCoaches: ['c2'], pins: [{ coachee: 's2', coach: 'c1' }] }),
  badScenario: tmp.write('bad-scenario.json', { base: 'missing.json' }),
  prefs: tmp.write('prefs.json', { coacheePrefs: { s1: ['c1'], s2: ['c1'] }, coachPrefs: { c1: ['s2', 's1'] }, capacity: { c1: 1 } }),
  mapping: join(root, 'fixtures/csv/mapping.json'),
  coachesCsv: join(root, 'fixtures/csv/coaches.csv'),
  coacheesCsv: join(root, 'fixtures/csv/coachees.csv'),
  relationsCsv: join(root, 'fixtures/csv/relations.csv'),
  directory: tmp.path('sub'),
  missing: tmp.path('missing.json'),
};
const outPaths = [tmp.path('out.txt'), tmp.path('sub/out.json'), tmp.path('no-such-dir/out.json'), tmp.path('sub')];

// `serve` is left out: it starts a server that runs until stopped.
const command = fc.constantFrom('match', 'validate', 'explain', 'compare', 'rematch', 'schema', 'solve', 'stable', 'nonsense', 'constructor', '__proto__', 'toString', '', '-x', '--help');
const file = fc.constantFrom(...Object.values(files));
const value = fc.oneof(
  fc.constantFrom('json', 'md', 'html', 'csv', 'pdf', 'default', 'diversity-first', 'nope', 'total', 'fair', 'stable', 'auto', 'jv', 'flow', 'lp', 'never', '0', '1', '3', '-1', '1.5', 'NaN', '1e999', '', ' ', 's1', 'c1', 's1=c1', 'x=y=z', 'weights.difference=0:1:3', 'weights.nope=0:1:2', 'insiderThreshold=1:0:0'),
  fc.string({ maxLength: 8 }),
);
const valueFlags = ['--format', '--preset', '--objective', '--alternatives', '--k', '--coachee', '--method', '--parallel', '--sweep', '--exit', '--dropout', '--pin', '--change-price', '--exit-margin', '--cluster', '--bogus'];
const fileFlags = ['--coaches', '--coachees', '--relations', '--mapping', '--current'];

/** One piece of a command line: `--out` always with a path inside the temporary directory. */
const unit: fc.Arbitrary<string[]> = fc.oneof(
  { weight: 3, arbitrary: file.map((f) => [f]) },
  { weight: 4, arbitrary: fc.tuple(fc.constantFrom(...valueFlags), value).map(([f, v]) => [f, v]) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...valueFlags), value).map(([f, v]) => [`${f}=${v}`]) },
  { weight: 2, arbitrary: fc.tuple(fc.constantFrom(...fileFlags), file).map(([f, v]) => [f, v]) },
  { weight: 1, arbitrary: fc.constantFrom(...outPaths).map((p) => ['--out', p]) },
  { weight: 1, arbitrary: fc.constantFrom<string[]>(['--strict'], ['--strict=yes'], ['--'], ['-'], ['--format'], ['-k'], ['--no-strict'], ['-h']) },
  { weight: 1, arbitrary: value.map((v) => [v]) },
);
const randomArgv = fc.tuple(command, fc.array(unit, { maxLength: 6 })).map(([c, units]) => [c, ...units.flat()]);
/** Files each command is meant to read: plausible command lines mostly use one of these. */
const meantFor: Record<string, string[]> = {
  match: [files.cohort, files.strictInfeasible],
  explain: [files.cohort, files.strictInfeasible],
  rematch: [files.cohort],
  validate: [files.cohort, files.invalidCohort],
  solve: [files.problem, files.infeasibleProblem],
  compare: [files.scenario, files.badScenario],
  stable: [files.prefs],
};
/** Command lines a user would plausibly type: a command, a file, and at most two well-formed options. */
const plausibleArgv = fc
  .constantFrom(...Object.keys(meantFor))
  .chain((c) =>
    fc.tuple(
      fc.constant(c),
      fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...meantFor[c]!) }, { weight: 1, arbitrary: file }),
      fc.subarray([['--strict'], ['--format', 'md'], ['--format', 'csv'], ['--objective', 'fair'], ['--k', '1'], ['--method', 'lp'], ['--parallel', 'never'], ['--out', tmp.path('plausible.out')]], { maxLength: 2 }),
    ),
  )
  .map(([c, f, options]) => [c, f, ...options.flat()]);
const argv = fc.oneof({ weight: 2, arbitrary: randomArgv }, { weight: 3, arbitrary: plausibleArgv });

describe(`${runCli.name} under random command lines`, () => {
  it('exits 0, 1 or 2, prints nothing on stdout when it exits 2, and leaves no temporary file behind', async () => {
    const codes = new Set<number>();
    await fc.assert(
      fc.asyncProperty(argv, async (args) => {
        const run = await runInProcess(args);
        codes.add(run.code);
        expect([0, 1, 2], `${JSON.stringify(args)}\n${run.stderr}`).toContain(run.code);
        if (run.code === 2) {
          expect(run.stdout, JSON.stringify(args)).toBe('');
          expect(run.stderr.length, JSON.stringify(args)).toBeGreaterThan(0);
        }
        // --out writes atomically: no ".name.pid.tmp" survives any run.
        expect(tmp.list().filter((f) => f.endsWith('.tmp'))).toEqual([]);
      }),
      { numRuns: runs(300) },
    );
    // The generator reaches every outcome, not just argument errors.
    expect([...codes].sort()).toEqual([0, 1, 2]);
  });
});
