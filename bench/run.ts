/**
 * `npm run bench`: checks, then times, our solver and its JavaScript peers on issue 2's
 * cases and the OR-Library instances, prints a table and writes bench/RESULTS.md.
 */
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import type { BenchCase } from './benchCase.js';
import type { CaseReport } from './caseReport.js';
import { generatedCaseNames, makeCase } from './cases.js';
import { codeVersion } from './codeVersion.js';
import { machineInfo } from './machineInfo.js';
import { loadOrlibCase, orlibCaseNames } from './orlibCases.js';
import { linearSumAssignmentPeer, lpSolverPeer, munkresPeer, munkresPrebuiltPeer, ours } from './peers.js';
import { renderResults, resultRows } from './renderResults.js';
import { runCase } from './runCase.js';
import { sparseMemory } from './sparseMemory.js';

const log = (line: string): void => void process.stderr.write(`${line}\n`);
const gc = (): void => (globalThis as { gc?: () => void }).gc?.();
if ((globalThis as { gc?: unknown }).gc === undefined) log('note: run with --expose-gc (npm run bench does) for GC between runs');

// The benchmark may read the clock; the library never does.
const date = new Date();
const loadSamples = [os.loadavg()[0] ?? 0];
const code = codeVersion();
// BENCH_CASES=dense-100,assign800 runs only those cases and prints the Markdown instead of
// writing RESULTS.md (a partial run must not replace the full results).
const only = process.env.BENCH_CASES?.split(',').map((s) => s.trim()).filter((s) => s !== '');
const selected = (name: string): boolean => only === undefined || only.includes(name);
const started = performance.now();
const reports: CaseReport[] = [];

const generatedImplementations = [
  ours('auto'),
  ours('jv'),
  ours('flow'),
  ours('lp'),
  munkresPeer,
  munkresPrebuiltPeer,
  linearSumAssignmentPeer,
  lpSolverPeer,
];
for (const name of generatedCaseNames.filter(selected)) {
  log(`\n== ${name}`);
  const c: BenchCase = makeCase(name);
  const crossCheck = c.kind === 'dense' ? 'ours flow' : c.kind === 'capacitated' ? 'ours lp' : undefined;
  const report = runCase(c, generatedImplementations, { suite: 'generated', ...(crossCheck ? { crossCheck } : {}) }, log);
  gc();
  if (c.kind === 'sparse') {
    report.memory = sparseMemory(name, report.referenceObjective);
    log(`[${name}] peak memory: ${JSON.stringify(report.memory)}`);
  }
  reports.push(report);
  loadSamples.push(os.loadavg()[0] ?? 0);
}

const orlibImplementations = [ours('auto'), ours('jv'), ours('flow'), munkresPeer];
for (const name of orlibCaseNames.filter(selected)) {
  log(`\n== ${name}`);
  const c = loadOrlibCase(name);
  const crossCheck = c.kind === 'dense' ? { crossCheck: 'ours flow' } : {};
  reports.push(runCase(c, orlibImplementations, { suite: 'orlib', ...crossCheck }, log));
  loadSamples.push(os.loadavg()[0] ?? 0);
  gc();
}

const durationSeconds = (performance.now() - started) / 1000;
console.table(resultRows(reports));
const markdown = renderResults({ date, code, machine: machineInfo(), durationSeconds, loadSamples, reports });
if (only !== undefined) {
  process.stdout.write(`\n${markdown}`);
} else {
  const file = new URL('./RESULTS.md', import.meta.url);
  writeFileSync(file, markdown);
  log(`\nwrote ${file.pathname} (${durationSeconds.toFixed(0)} s)`);
}
