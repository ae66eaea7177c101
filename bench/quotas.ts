/**
 * `node --import tsx bench/quotas.ts`: javascript-lp-solver vs HiGHS (WebAssembly) on the
 * quota 0/1 program, on the alumni fixture and two synthetic cohorts, each with three
 * cohort quotas. Every answer is checked before it is timed (status, every quota recounted
 * from the side constraints, both backends at the same number placed and the same total).
 * Prints a Markdown table for bench/QUOTAS.md.
 *
 * QUOTA_CASES=alumni,synthetic-300x40 picks cases, QUOTA_BACKENDS=highs picks backends;
 * QUOTA_CAP_S (default 300) caps each solve: a backend that has not proved its answer by
 * then is reported as such, not timed; one that fails (out of memory) is reported with why.
 */
import { readFileSync } from 'node:fs';
import { lpSolverBackend } from '../src/constraints/lpSolverBackend.js';
import { loadHighsBackend } from '../src/constraints/loadHighsBackend.js';
import type { QuotaBackend } from '../src/constraints/quotaBackend.js';
import type { SideConstraint } from '../src/constraints/sideConstraint.js';
import { solveWithSideConstraints } from '../src/constraints/solveWithSideConstraints.js';
import { prepareMatch, toAssignmentProblem } from '../src/engine/match.js';
import { quotaPolicyConstraints } from '../src/engine/quotaPolicyConstraints.js';
import type { CohortQuota } from '../src/model/policySettings.js';
import { parseCohort } from '../src/model/parseCohort.js';
import type { AssignmentProblem } from '../src/solver/types.js';
import { syntheticCohort } from '../fixtures/synthetic/syntheticCohort.js';
import { machineInfo } from './machineInfo.js';

const log = (line: string): void => void process.stderr.write(`${line}\n`);
const cap = Number(process.env.QUOTA_CAP_S ?? '300');
const only = process.env.QUOTA_CASES?.split(',').map((s) => s.trim());
const onlyBackends = process.env.QUOTA_BACKENDS?.split(',').map((s) => s.trim());

/** The three quotas; senior = aged 50 or more (the fixtures have no seniority field). */
const threeQuotas = (orUnmatched: boolean): CohortQuota[] => [
  { kind: 'commonGround', name: 'pioneersWithCommonGround', orUnmatched },
  { kind: 'flaggedPairs', name: 'noOpenDualRoles', flag: 'discloseDualRole', max: 0 },
  { kind: 'coacheesPerCoach', name: 'seniorsTakeTwoPioneers', coaches: { attribute: 'age', atLeast: 50 }, coacheeType: 'pioneer', min: 2 },
];

interface Case {
  readonly name: string;
  readonly shape: string;
  readonly problem: AssignmentProblem;
  readonly constraints: SideConstraint[];
  readonly variables: number;
}

function makeCase(name: string, raw: Record<string, unknown>, orUnmatched: boolean): Case {
  const cohort = parseCohort({ ...raw, policy: { ...(raw['policy'] as object | undefined), quotas: threeQuotas(orUnmatched) } });
  const prepared = prepareMatch(cohort);
  const problem = toAssignmentProblem(prepared.combined, true);
  const constraints = quotaPolicyConstraints(prepared).flatMap((t) => t.constraints);
  const variables = problem.weights!.reduce((n, row) => n + row.filter((w) => w !== null).length, 0);
  return { name, shape: `${prepared.combined.rows} × ${prepared.combined.cols}`, problem, constraints, variables };
}

const cases: (() => Case)[] = [
  // The alumni pool can place everyone, so "every pioneer gets a coach with common ground" holds as written.
  () => makeCase('alumni', JSON.parse(readFileSync(new URL('../fixtures/alumni-programme.json', import.meta.url), 'utf8')), false),
  // Synthetic pools have fewer places than coachees: the quota rules out a coach without common ground instead.
  () => makeCase('synthetic-300x40', syntheticCohort(300, 40, 1), true),
  () => makeCase('synthetic-1000x100', syntheticCohort(1000, 100, 1), true),
];

/** Recounts every side constraint from its definition; throws on the first broken one. */
function checkQuotas(c: Case, assignment: readonly (number | null)[]): void {
  for (const s of c.constraints) {
    const owners = s.per === 'total' ? [null] : (s.over ?? []);
    for (const owner of owners) {
      let count = 0;
      s.pairs.forEach(([i, j], m) => {
        if (assignment[i] === j && (owner === null || (s.per === 'row' ? i : j) === owner)) count += s.coefficients?.[m] ?? 1;
      });
      if (count < (s.min ?? -Infinity) - 1e-9 || count > (s.max ?? Infinity) + 1e-9) throw new Error(`${c.name}: quota ${s.name} broken at ${owner}`);
    }
  }
}

interface Measure {
  readonly status: string;
  readonly objective: number | null;
  readonly matched: number | null;
  readonly seconds: number[];
}

function measure(c: Case, backend: QuotaBackend, priceQuotas: boolean, repeats: number): Measure {
  try {
    return measureOrThrow(c, backend, priceQuotas, repeats);
  } catch (error) {
    if (error instanceof RangeError) return { status: `fails: ${error.name}: ${error.message}`, objective: null, matched: null, seconds: [] };
    throw error;
  }
}

function measureOrThrow(c: Case, backend: QuotaBackend, priceQuotas: boolean, repeats: number): Measure {
  const seconds: number[] = [];
  let first: Measure | null = null;
  for (let r = 0; r < repeats; r++) {
    const t = performance.now();
    const result = solveWithSideConstraints(c.problem, c.constraints, { backend, priceQuotas, timeLimitSeconds: cap });
    const s = (performance.now() - t) / 1000;
    if (result.status !== 'optimal') return { status: result.status, objective: null, matched: null, seconds: [s] };
    if (first === null) {
      checkQuotas(c, result.assignment); // checked before any time counts
      first = { status: 'optimal', objective: result.objective, matched: result.matched, seconds };
    }
    seconds.push(s);
    if (s > 30) break; // one run of a slow solve is enough
  }
  return first!;
}

const median = (xs: readonly number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const fmt = (m: Measure): string =>
  m.status === 'optimal'
    ? `${median(m.seconds).toFixed(2)} s (${m.seconds.length} run${m.seconds.length === 1 ? '' : 's'})`
    : m.status.startsWith('fails') ? m.status : `no proof in ${cap} s (${m.status})`;

const highs = await loadHighsBackend();
// Warm-up: the first HiGHS solve compiles the WebAssembly; do it outside any timing.
solveWithSideConstraints({ weights: [[1, 2], [3, 4]] }, [{ name: 'w', per: 'total', pairs: [[0, 0]], min: 1 }], { backend: highs });
const machine = machineInfo();
const lines = [
  `Run ${new Date().toISOString().slice(0, 10)} on ${machine.cpu} (${machine.cores} cores, ${machine.memoryGb} GB), ${machine.os}, Node ${machine.node}; cap ${cap} s per solve.`,
  '',
  '| case | coachees × coaches | 0/1 variables | quota bounds | backend | solve | solve + price 3 quotas | placed | total |',
  '| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
];
for (const make of cases) {
  const c = make();
  if (only !== undefined && !only.includes(c.name)) continue;
  const bounds = c.constraints.reduce((n, s) => n + (s.per === 'total' ? 1 : (s.over?.length ?? 0)), 0);
  const results: [QuotaBackend, Measure, Measure][] = [];
  for (const backend of [highs, lpSolverBackend].filter((b) => onlyBackends === undefined || onlyBackends.includes(b.name))) {
    log(`${c.name}: ${backend.name} …`);
    const plain = measure(c, backend, false, 5);
    const priced = plain.status === 'optimal' ? measure(c, backend, true, 3) : plain;
    results.push([backend, plain, priced]);
    log(`  ${fmt(plain)} / ${fmt(priced)}`);
  }
  const solved = results.filter(([, m]) => m.status === 'optimal');
  for (const [, m] of solved.slice(1)) {
    const ref = solved[0]![1];
    if (m.matched !== ref.matched || Math.abs(m.objective! - ref.objective!) > 1e-7 * Math.max(1, Math.abs(ref.objective!))) {
      throw new Error(`${c.name}: backends disagree (${m.matched}, ${m.objective} vs ${ref.matched}, ${ref.objective})`);
    }
  }
  for (const [backend, plain, priced] of results) {
    lines.push(`| ${c.name} | ${c.shape} | ${c.variables} | ${bounds} | ${backend.name} | ${fmt(plain)} | ${fmt(priced)} | ${plain.matched ?? '–'} | ${plain.objective?.toFixed(4) ?? '–'} |`);
  }
}
process.stdout.write(`${lines.join('\n')}\n`);
