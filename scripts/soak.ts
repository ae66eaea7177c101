/**
 * Soak test: the cross-checks of `test/crosscheck/` for a given time or number of cases.
 *
 *   node --import tsx scripts/soak.ts --minutes 10
 *   node --import tsx scripts/soak.ts --cases 5000 --seed 42
 *   node --import tsx scripts/soak.ts --minutes 2 --suite problems,cohorts
 *   node --import tsx scripts/soak.ts --minutes 10 --suite candidates   (candidate pairs against every pair)
 *   node --import tsx scripts/soak.ts --minutes 10 --suite nearKinds    (matches by near kinds against every pair)
 *   node --import tsx scripts/soak.ts --minutes 10 --suite explain      (explain's alternatives against whole LP re-solves)
 *   node --import tsx scripts/soak.ts --cases 50 --suite tiny --self-test   (checks the failure report)
 *
 * Every round runs a batch of each suite under fast-check with a seed derived from the base
 * seed, so a run is reproduced by its `--seed`. On the first disagreement fast-check shrinks
 * the case; the seed, the shrunk case and what disagreed are written to a JSON file under
 * the system's temporary directory, and the script exits with code 1. Exit code 2: bad
 * arguments. Progress goes to stderr every few seconds, the summary to stdout.
 */
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import fc from 'fast-check';
import type { CohortInput } from '../src/model/cohortSchema.js';
import type { PolicyInput } from '../src/model/policySettings.js';
import { cohortArbitrary, policyOverridesArbitrary } from '../test/helpers/cohortArbitrary.js';
import { candidateCheckCase, crossCheckCandidates } from '../test/helpers/crossCheckCandidates.js';
import { crossCheckNearKinds, nearKindsCohorts } from '../test/helpers/nearKindsCohort.js';
import { crossCheckExplain } from '../test/helpers/crossCheckExplain.js';
import { crossCheckMatch } from '../test/helpers/crossCheckMatch.js';
import { crossCheckProblem } from '../test/helpers/crossCheckProblem.js';
import { buildVolumeProblem, volumeSpecArbitrary, type VolumeProblemSpec, type VolumeShape } from '../test/helpers/volumeProblemArbitrary.js';

interface Tally {
  cases: number;
  optimal: number;
  infeasible: number;
}

interface Suite {
  readonly name: string;
  /** Cases per round: suites cost different amounts per case. */
  readonly batch: number;
  readonly property: (tally: Tally) => fc.IProperty<[unknown]>;
  /** What to write next to a counterexample so that it can be rerun by hand. */
  readonly expand: (value: unknown) => unknown;
}

class Disagreement extends Error {}

let selfTest = false;

function count(tally: Tally, status: string, disagreements: readonly string[]): void {
  tally.cases++;
  if (status === 'optimal') tally.optimal++;
  if (status === 'infeasible') tally.infeasible++;
  if (disagreements.length > 0) throw new Disagreement(disagreements.join('\n'));
}

function problemSuite(name: string, shape: VolumeShape, batch: number): Suite {
  return {
    name,
    batch,
    property: (tally) =>
      fc.property(volumeSpecArbitrary(shape) as fc.Arbitrary<unknown>, (spec) => {
        const report = crossCheckProblem(buildVolumeProblem(spec as VolumeProblemSpec));
        const injected = selfTest && (spec as VolumeProblemSpec).rows % 2 === 1 ? ['self-test: odd number of rows'] : [];
        count(tally, report.status, [...report.disagreements, ...injected]);
      }),
    expand: (spec) => buildVolumeProblem(spec as VolumeProblemSpec),
  };
}

const cohortCase = fc.record({
  doc: cohortArbitrary({ maxCoaches: 15, maxCoachees: 40 }),
  policy: policyOverridesArbitrary,
  allowUnmatched: fc.boolean(),
});

// More coaches than explain's short lists hold (8 a coachee), so their certificate decides.
const explainCase = fc.record({
  doc: cohortArbitrary({ maxCoaches: 14, maxCoachees: 24 }),
  policy: policyOverridesArbitrary,
  allowUnmatched: fc.boolean(),
  k: fc.integer({ min: 0, max: 5 }),
});

const suites: readonly Suite[] = [
  problemSuite('problems', { maxRows: 60, maxCols: 15 }, 40),
  problemSuite('square', { maxRows: 30, maxCols: 30, oneToOne: true }, 40),
  problemSuite('tiny', { maxRows: 7, maxCols: 4 }, 100),
  {
    name: 'candidates',
    batch: 10,
    property: (tally) =>
      fc.property(candidateCheckCase as fc.Arbitrary<unknown>, (value) => {
        const { doc, policy, allowUnmatched, k, byKinds } = value as { doc: CohortInput; policy: PolicyInput; allowUnmatched: boolean; k: number; byKinds: boolean };
        const report = crossCheckCandidates(doc, policy, allowUnmatched, { k, maxRounds: 20, byKinds });
        count(tally, report.status, report.disagreements);
      }),
    expand: (value) => value,
  },
  {
    // Few kinds by record with relations and wishes, under a pair budget that turns the match by exact kinds away.
    name: 'nearKinds',
    batch: 10,
    property: (tally) =>
      fc.property(nearKindsCohorts as fc.Arbitrary<unknown>, fc.boolean(), (value, allowUnmatched) => {
        const { doc, policy } = value as { doc: CohortInput; policy: PolicyInput };
        const report = crossCheckNearKinds(doc, policy, allowUnmatched);
        if (report !== null) count(tally, report.status, report.disagreements);
      }),
    expand: (value) => value,
  },
  {
    name: 'explain',
    batch: 5,
    property: (tally) =>
      fc.property(explainCase as fc.Arbitrary<unknown>, (value) => {
        const { doc, policy, allowUnmatched, k } = value as { doc: CohortInput; policy: PolicyInput; allowUnmatched: boolean; k: number };
        const report = crossCheckExplain(doc, policy, allowUnmatched, k);
        count(tally, report.status, report.disagreements);
      }),
    expand: (value) => value,
  },
  {
    name: 'cohorts',
    batch: 10,
    property: (tally) =>
      fc.property(cohortCase as fc.Arbitrary<unknown>, (value) => {
        const { doc, policy, allowUnmatched } = value as { doc: CohortInput; policy: PolicyInput; allowUnmatched: boolean };
        const report = crossCheckMatch(doc, policy, allowUnmatched);
        count(tally, report.status, report.disagreements);
      }),
    expand: (value) => value,
  },
];

function fail(message: string): never {
  process.stderr.write(`soak: ${message}\n`);
  process.exit(2);
}

const { values } = parseArgs({
  options: {
    minutes: { type: 'string' },
    cases: { type: 'string' },
    seed: { type: 'string' },
    suite: { type: 'string' },
    // Checks the failure report: every problem with an odd number of rows "disagrees".
    'self-test': { type: 'boolean', default: false },
  },
});
const minutes = values.minutes === undefined ? undefined : Number(values.minutes);
const maxCases = values.cases === undefined ? undefined : Number(values.cases);
if (minutes !== undefined && !(minutes > 0)) fail(`--minutes must be a positive number, got ${values.minutes}`);
if (maxCases !== undefined && !(Number.isInteger(maxCases) && maxCases > 0)) fail(`--cases must be a positive whole number, got ${values.cases}`);
const baseSeed = values.seed === undefined ? Date.now() % 0x7fffffff : Number(values.seed);
if (!Number.isSafeInteger(baseSeed)) fail(`--seed must be a whole number, got ${values.seed}`);
const chosen = values.suite === undefined ? suites : suites.filter((s) => values.suite!.split(',').includes(s.name));
if (chosen.length === 0) fail(`--suite must name some of ${suites.map((s) => s.name).join(', ')}`);
selfTest = values['self-test'] === true;
const deadline = performance.now() + (minutes ?? (maxCases === undefined ? 1 : Infinity)) * 60_000;

const tallies = new Map(chosen.map((s) => [s.name, { cases: 0, optimal: 0, infeasible: 0 } satisfies Tally]));
const total = () => [...tallies.values()].reduce((n, t) => n + t.cases, 0);
const started = performance.now();
let lastReport = started;
process.stderr.write(`soak: seed ${baseSeed}, suites ${chosen.map((s) => s.name).join(', ')}, ${minutes !== undefined ? `${minutes} min` : `${maxCases} cases`}\n`);

let round = 0;
let failure: { suite: string; file: string } | null = null;
outer: while (performance.now() < deadline && (maxCases === undefined || total() < maxCases)) {
  for (const suite of chosen) {
    const seed = (baseSeed + round * 7919 + suite.name.length * 104_729) % 0x7fffffff;
    const tally = tallies.get(suite.name)!;
    const runsLeft = maxCases === undefined ? suite.batch : Math.min(suite.batch, Math.max(1, maxCases - total()));
    const outcome = fc.check(suite.property(tally), { numRuns: runsLeft, seed });
    if (outcome.failed) {
      const counterexample = outcome.counterexample?.[0];
      const file = join(tmpdir(), `coachmatch-soak-${baseSeed}-${suite.name}-round${round}.json`);
      const error = outcome.errorInstance;
      writeFileSync(
        file,
        JSON.stringify(
          {
            suite: suite.name,
            baseSeed,
            round,
            seed,
            path: outcome.counterexamplePath,
            rerun: `fc.check(property, { seed: ${seed}, path: ${JSON.stringify(outcome.counterexamplePath)} })`,
            error: error instanceof Error ? error.message : String(error),
            counterexample,
            expanded: counterexample === undefined ? null : suite.expand(counterexample),
          },
          null,
          2,
        ),
      );
      failure = { suite: suite.name, file };
      break outer;
    }
    if (maxCases !== undefined && total() >= maxCases) break;
  }
  round++;
  if (performance.now() - lastReport > 10_000) {
    lastReport = performance.now();
    const seconds = ((lastReport - started) / 1000).toFixed(0);
    process.stderr.write(`soak: ${seconds} s, ${total()} cases (${[...tallies].map(([n, t]) => `${n} ${t.cases}`).join(', ')})\n`);
  }
}

const seconds = ((performance.now() - started) / 1000).toFixed(1);
const lines = [...tallies].map(([name, t]) => `  ${name.padEnd(9)} ${String(t.cases).padStart(7)} cases  ${String(t.optimal).padStart(7)} optimal  ${String(t.infeasible).padStart(7)} infeasible`);
process.stdout.write(`soak summary: seed ${baseSeed}, ${round} rounds, ${total()} cases in ${seconds} s\n${lines.join('\n')}\n`);
if (failure !== null) {
  process.stdout.write(`DISAGREEMENT in suite ${failure.suite}; shrunk case and seed written to ${failure.file}\n`);
  process.exitCode = 1;
} else {
  process.stdout.write('no disagreement\n');
}
