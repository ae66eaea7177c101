/**
 * Child-process entry (after `npm run build`): `node --import tsx bench/largeOnce.ts <coachees> <coaches> <seed> <minCapacity> <maxCapacity> [k=<k>] [priority0=<n>] [fewKinds=1] [kindsOnly=1] [pairBudget=<pairs>] [noKinds=1] [managed=1] [coachManaged=1] [minLoad=<n>]` (minLoad: every n-th coach to take at least one coachee)
 * generates a synthetic cohort (with every n-th coachee at priority 0 when asked), parses it, matches it on candidate pairs once and prints one
 * JSON line: phase times, the certificate, and the process's peak RSS (so the peak belongs to
 * that case alone). Only counts and figures are printed, never a person's data.
 */
import { fewKinds as withFewKinds, kindsOnly as withKindsOnly, withCoachManagers, withManagers, withMinimumLoads } from '../fixtures/synthetic/fewKinds.js';
import { syntheticCohort } from '../fixtures/synthetic/syntheticCohort.js';
import { peakRss } from './peakRss.js';

// What is timed is the built package (`npm run build`), as users run it, not the sources.
const built = new URL('../dist/index.js', import.meta.url);
const { match, parseCohort } = (await import(built.href)) as typeof import('../src/index.js');
type CandidatePhase = import('../src/index.js').CandidatePhase;

const args = process.argv.slice(2);
const [coachees, coaches, seed, minCapacity, maxCapacity] = args.slice(0, 5).map(Number);
const option = (name: string): number | undefined => {
  const given = args.slice(5).find((a) => a.startsWith(`${name}=`));
  return given === undefined ? undefined : Number(given.slice(name.length + 1));
};
const k = option('k');
const priority0 = option('priority0');
const fewKinds = option('fewKinds');
const kindsOnly = option('kindsOnly');
const pairBudget = option('pairBudget');
const noKinds = option('noKinds');
const managed = option('managed');
const coachManaged = option('coachManaged');
const minLoadEvery = option('minLoad');
const unknown = args.slice(5).filter((a) => !/^(k|priority0|fewKinds|kindsOnly|pairBudget|noKinds|managed|coachManaged|minLoad)=/.test(a));
if ([coachees, coaches, seed, minCapacity, maxCapacity].some((n) => n === undefined || !Number.isInteger(n)) || [k, priority0, minLoadEvery].some((n) => n !== undefined && !(Number.isInteger(n) && n > 0)) || (pairBudget !== undefined && !(Number.isInteger(pairBudget) && pairBudget >= 0)) || (fewKinds !== undefined && fewKinds !== 1) || (kindsOnly !== undefined && kindsOnly !== 1) || (noKinds !== undefined && noKinds !== 1) || (managed !== undefined && managed !== 1) || (coachManaged !== undefined && coachManaged !== 1) || unknown.length > 0) {
  process.stderr.write('usage: largeOnce.ts <coachees> <coaches> <seed> <minCapacity> <maxCapacity> [k=<k>] [priority0=<every n-th coachee>] [fewKinds=1] [kindsOnly=1] [pairBudget=<pairs>] [noKinds=1] [managed=1] [coachManaged=1] [minLoad=<every n-th coach>]\n');
  process.exit(2);
}
// The document lives only inside this function: as in the CLI, it is garbage once parsed.
const { cohort, parseMs } = (() => {
  const drawn = syntheticCohort(coachees!, coaches!, seed!, { capacity: [minCapacity!, maxCapacity!] });
  const kinded = kindsOnly === 1 ? withKindsOnly(drawn) : fewKinds === 1 ? withFewKinds(drawn) : drawn;
  const related = managed === 1 ? withManagers(kinded) : coachManaged === 1 ? withCoachManagers(kinded) : kinded;
  const doc = minLoadEvery === undefined ? related : withMinimumLoads(related, minLoadEvery);
  if (priority0 !== undefined) (doc.coachees as { priority?: number }[]).forEach((c, i) => {
    if (i % priority0 === 0) c.priority = 0;
  });
  const begin = performance.now();
  const parsed = parseCohort(doc);
  return { cohort: parsed, parseMs: performance.now() - begin };
})();
// Each phase of the match as it ends (context, selection, each round's preparation, solve and certificate, finish).
const phases: CandidatePhase[] = [];
const start = performance.now();
const matching = match(cohort, { candidates: 'always', candidateSettings: { ...(k === undefined ? {} : { k }), ...(pairBudget === undefined ? {} : { pairBudget }), ...(noKinds === 1 ? { byKinds: false } : {}), maxRounds: 16, onPhase: (phase) => phases.push(phase) } });
const matchMs = performance.now() - start;
// The answer is checked before any figure counts: capacities and minimum loads kept, every matched pair allowed.
const loads = new Map<string, number>();
for (const c of matching.coachees) if (c.status === 'matched') loads.set(c.coachId, (loads.get(c.coachId) ?? 0) + 1);
const overfull = matching.coaches.filter((c) => (loads.get(c.coachId) ?? 0) !== c.load || c.load > c.capacity).length;
const minimumOf = new Map(cohort.coaches.map((c) => [c.id, c.minLoad]));
const underfull = matching.coaches.filter((c) => c.load < (minimumOf.get(c.coachId) ?? 0)).length;
const report = matching.candidates!;
process.stdout.write(
  `${JSON.stringify({
    coachees,
    coaches,
    seed,
    capacity: [minCapacity, maxCapacity],
    priority0: priority0 ?? null,
    fewKinds: fewKinds === 1,
    kindsOnly: kindsOnly === 1,
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
    gap: report.gap,
    matched: matching.kpis.matched,
    overfull,
    underfull,
    peakRssBytes: peakRss(),
    phases,
  })}\n`,
);
