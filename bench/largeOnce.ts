/**
 * Child-process entry: `node --import tsx bench/largeOnce.ts <coachees> <coaches> <seed> <minCapacity> <maxCapacity> [k]`
 * generates a synthetic cohort, parses it, matches it on candidate pairs once and prints one
 * JSON line: phase times, the certificate, and the process's peak RSS (so the peak belongs to
 * that case alone). Only counts and figures are printed, never a person's data.
 */
import { syntheticCohort } from '../fixtures/synthetic/syntheticCohort.js';
import { match } from '../src/engine/match.js';
import { parseCohort } from '../src/model/parseCohort.js';
import { peakRss } from './peakRss.js';

const [coachees, coaches, seed, minCapacity, maxCapacity, k] = process.argv.slice(2).map(Number);
if ([coachees, coaches, seed, minCapacity, maxCapacity].some((n) => n === undefined || !Number.isInteger(n))) {
  process.stderr.write('usage: largeOnce.ts <coachees> <coaches> <seed> <minCapacity> <maxCapacity> [k]\n');
  process.exit(2);
}
// The document lives only inside this function: as in the CLI, it is garbage once parsed.
const { cohort, parseMs } = (() => {
  const doc = syntheticCohort(coachees!, coaches!, seed!, { capacity: [minCapacity!, maxCapacity!] });
  const begin = performance.now();
  const parsed = parseCohort(doc);
  return { cohort: parsed, parseMs: performance.now() - begin };
})();
let start = performance.now();
start = performance.now();
const matching = match(cohort, { candidates: 'always', candidateSettings: { ...(k === undefined ? {} : { k }), maxRounds: 16 } });
const matchMs = performance.now() - start;
// The answer is checked before any figure counts: capacities kept, every matched pair allowed.
const loads = new Map<string, number>();
for (const c of matching.coachees) if (c.status === 'matched') loads.set(c.coachId, (loads.get(c.coachId) ?? 0) + 1);
const overfull = matching.coaches.filter((c) => (loads.get(c.coachId) ?? 0) !== c.load || c.load > c.capacity).length;
const report = matching.candidates!;
process.stdout.write(
  `${JSON.stringify({
    coachees,
    coaches,
    seed,
    capacity: [minCapacity, maxCapacity],
    places: matching.coaches.reduce((n, c) => n + c.capacity, 0),
    parseMs,
    matchMs,
    status: matching.status,
    certified: report.certified,
    rounds: report.rounds,
    candidatePairs: report.pairs,
    allPairs: report.allPairs,
    addedPerRound: report.addedPerRound,
    clearedByBound: report.clearedByBound,
    clearedExactly: report.clearedExactly,
    objective: matching.objective,
    matched: matching.kpis.matched,
    overfull,
    peakRssBytes: peakRss(),
  })}\n`,
);
