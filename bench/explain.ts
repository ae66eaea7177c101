/**
 * Explain at cohort scale: pricing the alternatives of 1,000 coachees × 100 coaches. Each
 * alternative is confirmed by a re-solve with its pair pinned; this times one re-solve per
 * pinned pair three ways, after checking that all give the same objective for every pin:
 * *cold* (the dense problem, solved afresh: how explain priced before 2026-12-05), *warm*
 * (the whole problem in compressed rows, converted once, each re-solve repairing the optimum:
 * explain's fallback now) and *short lists* (each row's 8 pairs of least reduced cost, the
 * answer certified over every pair or priced warm instead: how explain prices now), then the
 * whole `explainMatching` once per run. Writes bench/EXPLAIN.md.
 * Run: `npm run build && node --import tsx bench/explain.ts`.
 */
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import { Bench } from 'tinybench';
import { syntheticCohort } from '../fixtures/synthetic/syntheticCohort.js';
import { prepareMatch, toAssignmentProblem } from '../src/engine/match.js';
import { compressedRows } from '../src/explain/compressedRows.js';
import { explainMatching } from '../src/explain/explainMatching.js';
import { PinnedOnShortLists } from '../src/explain/pinnedOnShortLists.js';
import { solvePinned, type Pin } from '../src/explain/solvePinned.js';
import { parseCohort } from '../src/model/parseCohort.js';
import { solveAssignment } from '../src/solver/solveAssignment.js';
import { machineInfo } from './machineInfo.js';

const COACHEES = 1000;
const COACHES = 100;
const SEED = 3;
const CAPACITY: [number, number] = [10, 14];
/** Coachees whose alternatives are priced in the timed re-solves (every alternative of each). */
const SAMPLED_COACHEES = 100;
const K = 3;

const prepared = prepareMatch(parseCohort(syntheticCohort(COACHEES, COACHES, SEED, { capacity: CAPACITY })));
const dense = toAssignmentProblem(prepared.combined, true);
const optimum = solveAssignment(dense);
if (optimum.status !== 'optimal') throw new Error(`the case is ${optimum.status}`);
const warmStart = { assignment: optimum.assignment, colDual: optimum.duals.col };
const rowOf = new Map(prepared.features.coacheeIds.map((id, i) => [id, i]));
const colOf = new Map(prepared.features.coachIds.map((id, j) => [id, j]));

// The pins: every alternative explain lists for the sampled coachees.
const sample = explainMatching(prepared, optimum, { k: K, coacheeIds: prepared.features.coacheeIds.slice(0, SAMPLED_COACHEES) });
const pins: Pin[] = sample.coachees.flatMap((c) => c.alternatives.filter((a) => a.allowed && a.loss !== null).map((a) => ({ row: rowOf.get(c.coacheeId)!, col: colOf.get(a.coachId)! })));

const cold = (pin: Pin) => solvePinned(dense, [pin], 'auto');
const warm = (pin: Pin, pairs: ReturnType<typeof compressedRows>) => solvePinned(pairs, [pin], 'auto', warmStart);
const shortListsOf = () => new PinnedOnShortLists({ ...dense, weights: dense.weights! }, optimum, 'auto');
const short = (pin: Pin, lists: PinnedOnShortLists, pairs: ReturnType<typeof compressedRows>) => lists.price(pin) ?? warm(pin, pairs);

// Check before timing: every way gives the same objective for every pin, and the pin holds.
const pairs = compressedRows({ ...dense, weights: dense.weights! });
const lists = shortListsOf();
const certified = pins.filter((pin) => lists.price(pin) !== null).length;
for (const pin of pins) {
  const answers = [cold(pin), warm(pin, pairs), short(pin, lists, pairs)];
  for (const b of answers) {
    const a = answers[0]!;
    if (a.status !== 'optimal' || b.status !== 'optimal') throw new Error(`pin ${pin.row} → ${pin.col}: ${a.status} / ${b.status}`);
    if (Math.abs(a.objective - b.objective) > 1e-9 * (1 + Math.abs(a.objective))) throw new Error(`pin ${pin.row} → ${pin.col}: ${a.objective} cold, ${b.objective} another way`);
    if (b.assignment[pin.row] !== pin.col) throw new Error(`pin ${pin.row} → ${pin.col} not held`);
  }
}

const bench = new Bench({ name: 'explain', time: 3000, iterations: 3, warmupIterations: 1 });
bench
  .add(`cold: ${pins.length} pinned re-solves of the dense problem`, () => void pins.forEach((pin) => cold(pin)))
  .add(`warm: ${pins.length} pinned re-solves in compressed rows from the optimum (conversion included)`, () => {
    const converted = compressedRows({ ...dense, weights: dense.weights! });
    pins.forEach((pin) => warm(pin, converted));
  })
  .add(`short lists: ${pins.length} pinned re-solves on each row's 8 best pairs, certified (lists and conversion included)`, () => {
    const converted = compressedRows({ ...dense, weights: dense.weights! });
    const built = shortListsOf();
    pins.forEach((pin) => short(pin, built, converted));
  })
  .add(`explainMatching of all ${COACHEES} coachees, k ${K}`, () => void explainMatching(prepared, optimum, { k: K }));
const tasks = bench.runSync();

const machine = machineInfo();
const median = (n: number) => {
  const t = tasks[n]!;
  return t.result.state === 'completed' ? t.result.latency.p50 ?? t.result.latency.mean : Number.NaN;
};
const full = explainMatching(prepared, optimum, { k: K });
const rows = tasks.map((t) => {
  const latency = t.result.state === 'completed' ? t.result.latency : undefined;
  return `| ${t.name} | ${latency?.p50?.toFixed(0) ?? '–'} ms | ${latency?.mean.toFixed(0) ?? '–'} ms | ${latency?.samplesCount ?? 0} |`;
});
const text = `# Explain benchmark (1,000 coachees × 100 coaches)

Generated by \`node --import tsx bench/explain.ts\` on ${new Date().toISOString()}.
Machine: ${machine.os}; ${machine.cpu}, ${machine.cores} cores; ${machine.memoryGb} GiB; Node ${machine.node}; 1-minute load average ${os.loadavg()[0]!.toFixed(2)}.

Case: \`syntheticCohort(${COACHEES}, ${COACHES}, ${SEED}, { capacity: [${CAPACITY.join(', ')}] })\` (fixtures/synthetic), the default policy, unmatched coachees allowed; the explanation of all coachees with k ${K} makes ${full.resolves} re-solves.
Pins: the ${pins.length} alternatives explain lists for the first ${SAMPLED_COACHEES} coachees; the short lists' answer was certified for ${certified} of them (the rest priced warm on the whole problem). Checked before timing: for every pin, every way gives the same objective (relative 1e-9) and the pin holds.

| task | median | mean | runs |
|---|---:|---:|---:|
${rows.join('\n')}

Warm re-solves take ${(median(1) / median(0)).toFixed(3)}× the cold ones' time, the short lists ${(median(2) / median(0)).toFixed(3)}× (${(median(0) / median(2)).toFixed(1)} times as fast as cold).
`;
writeFileSync(new URL('./EXPLAIN.md', import.meta.url), text);
process.stdout.write(text);
