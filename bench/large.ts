/**
 * Large cohorts on candidate pairs (`npm run bench:large`): 1k, 10k, 40k and 100k coachees
 * with ten times fewer coaches (at 10k and 40k also with about half as many places as
 * coachees, at 40k with a few places short, and at 100k with every fifth coachee at
 * priority 0), each matched three times, each time in a fresh process (bench/largeOnce.ts)
 * for its own wall time and peak memory, timing the built package (see largeOnce.ts). The 1k
 * case is checked against the dense match first; every run must come back certified, with no
 * coach over capacity and the first run's objective, or no figure is written.
 * Writes bench/LARGE.md. Pass case names to run only those (e.g. `large-100k`).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { syntheticCohort } from '../fixtures/synthetic/syntheticCohort.js';
import { fewKinds, kindsOnly, withMinimumLoads } from '../fixtures/synthetic/fewKinds.js';
import { match } from '../src/engine/match.js';
import { parseCohort } from '../src/model/parseCohort.js';
import type { CandidatePhase } from '../src/candidates/phaseClock.js';
import { machineInfo } from './machineInfo.js';

interface LargeCase {
  readonly name: string;
  readonly coachees: number;
  readonly coaches: number;
  readonly seed: number;
  /** Coach capacities, drawn uniformly: 10–14 gives about 1.2 places per coachee. */
  readonly capacity: readonly [number, number];
  /** Every n-th coachee at priority 0 (multiplier 0: every allowed pair weighs 0, the fillers of what places the others leave). */
  readonly priority0?: number;
  /** Coachees of 15 kinds (see fixtures/synthetic/fewKinds.ts). */
  readonly fewKinds?: true;
  /** Coachees of 15 kinds, each exact twins: no relations or preferences (kindsOnly in the same file). */
  readonly kindsOnly?: true;
  /** Matched in candidate rounds even when its coachees come in few kinds (`byKinds: false`). */
  readonly noKinds?: true;
  /** Every coachee managed by one of 200 people (withManagers in fixtures/synthetic/fewKinds.ts). */
  readonly managed?: true;
  /** Every coachee managed by one of 200 coaches, every 20th other coach reporting to one of them (withCoachManagers, same file). */
  readonly coachManaged?: true;
  /** Every n-th coach to take at least one coachee (withMinimumLoads, same file). */
  readonly minLoadEvery?: number;
}

const cases: readonly LargeCase[] = [
  { name: 'large-1k', coachees: 1_000, coaches: 100, seed: 1, capacity: [10, 14] },
  { name: 'large-10k', coachees: 10_000, coaches: 1_000, seed: 1, capacity: [10, 14] },
  { name: 'large-10k-scarce', coachees: 10_000, coaches: 1_000, seed: 1, capacity: [3, 7] },
  { name: 'large-40k', coachees: 40_000, coaches: 4_000, seed: 1, capacity: [10, 14] },
  // Scarce at scale: about half as many places as coachees, the case whose places' solves dominate.
  { name: 'large-40k-scarce', coachees: 40_000, coaches: 4_000, seed: 1, capacity: [3, 7] },
  // Tight: a few places short of the coachees (about 0.95 a coachee), the commonest programme and the most rounds.
  { name: 'large-40k-tight', coachees: 40_000, coaches: 4_000, seed: 1, capacity: [7, 12] },
  // A programme that records little: many coachees alike, so many pairs tie and bounds sit close
  // to the duals; matched in rounds (byKinds false), as before near kinds, to keep measuring them.
  { name: 'large-20k-fewkinds', coachees: 20_000, coaches: 3_000, seed: 1, capacity: [3, 7], fewKinds: true, noKinds: true },
  // The same kinds a few places short (coachees solved as rows): alike coachees share one list (see shareAmongAlike).
  { name: 'large-20k-fewkinds-tight', coachees: 20_000, coaches: 3_000, seed: 1, capacity: [5, 8], fewKinds: true, noKinds: true },
  // The same cohorts matched by near kinds (see matchOnNearKinds), with room for all too; at
  // 100k the rounds had stopped at the pair budget unproven.
  { name: 'large-20k-fewkinds-near', coachees: 20_000, coaches: 3_000, seed: 1, capacity: [3, 7], fewKinds: true },
  { name: 'large-20k-fewkinds-tight-near', coachees: 20_000, coaches: 3_000, seed: 1, capacity: [5, 8], fewKinds: true },
  { name: 'large-20k-fewkinds-roomy', coachees: 20_000, coaches: 3_000, seed: 1, capacity: [6, 9], fewKinds: true },
  { name: 'large-100k-fewkinds', coachees: 100_000, coaches: 10_000, seed: 1, capacity: [10, 14], fewKinds: true },
  { name: 'large-100k-fewkinds-scarce', coachees: 100_000, coaches: 10_000, seed: 1, capacity: [3, 7], fewKinds: true },
  // An HR department's records: every coachee has a manager, so no kind has a plain coachee (a stand-in weighs it).
  { name: 'large-100k-fewkinds-managed', coachees: 100_000, coaches: 10_000, seed: 1, capacity: [10, 14], fewKinds: true, managed: true },
  { name: 'large-100k-fewkinds-coachmanaged', coachees: 100_000, coaches: 10_000, seed: 1, capacity: [10, 14], fewKinds: true, coachManaged: true },
  // Every coach promised a coachee: minimum loads, which bind (the optimum without them leaves coaches empty).
  { name: 'large-2k-fewkinds-minload', coachees: 2_000, coaches: 500, seed: 1, capacity: [3, 7], fewKinds: true, minLoadEvery: 1 },
  { name: 'large-100k-fewkinds-minload', coachees: 100_000, coaches: 10_000, seed: 1, capacity: [10, 14], fewKinds: true, minLoadEvery: 1 },
  // Kinds only (exact twins, room for all): matched by kind on every pair at once (see matchOnKinds).
  { name: 'large-2k-kinds', coachees: 2_000, coaches: 500, seed: 1, capacity: [3, 7], kindsOnly: true },
  { name: 'large-100k-kinds', coachees: 100_000, coaches: 10_000, seed: 1, capacity: [10, 14], kindsOnly: true },
  // The same kinds with about half as many places as coachees: the coaches' places shipped to the kinds.
  { name: 'large-100k-kinds-scarce', coachees: 100_000, coaches: 10_000, seed: 1, capacity: [3, 7], kindsOnly: true },
  { name: 'large-100k', coachees: 100_000, coaches: 10_000, seed: 1, capacity: [10, 14] },
  // About half as many places as coachees, coachees all distinct: the places solved as rows.
  { name: 'large-100k-scarce', coachees: 100_000, coaches: 10_000, seed: 1, capacity: [3, 7] },
  // Every coach promised a coachee, coachees all distinct (the rounds, the flow solver's minimum loads).
  { name: 'large-10k-minload', coachees: 10_000, coaches: 1_000, seed: 1, capacity: [10, 14], minLoadEvery: 1 },
  { name: 'large-100k-minload', coachees: 100_000, coaches: 10_000, seed: 1, capacity: [10, 14], minLoadEvery: 1 },
  { name: 'large-100k-priority0', coachees: 100_000, coaches: 10_000, seed: 1, capacity: [10, 14], priority0: 5 },
];

/** What bench/largeOnce.ts prints. */
interface Outcome {
  readonly places: number;
  readonly parseMs: number;
  readonly matchMs: number;
  readonly status: string;
  readonly certified: boolean;
  readonly rounds: number;
  readonly candidatePairs: number;
  readonly allPairs: number;
  readonly objective: number | null;
  readonly matched: number;
  readonly overfull: number;
  readonly underfull: number;
  readonly peakRssBytes: number;
  readonly phases: readonly CandidatePhase[];
}

/**
 * Runs per case: one run of the same case varied by ±10% on this 2-core machine (100k: 34.7
 * to 41.4 s in one hour), so a row gives the median run and the range.
 */
const RUNS = 3;

/** Columns of the main table and of the phase table (how a kept row of each is told apart). */
const MAIN_COLUMNS = 11;
const PHASE_COLUMNS = 8;

const seconds = (ms: number) => (ms / 1000).toFixed(1);
const s = (ms: number) => `${seconds(ms)} s`;

const wanted = process.argv.slice(2);
const chosen = wanted.length === 0 ? cases : cases.filter((c) => wanted.includes(c.name));
const lines = new Map<string, string>();
const phaseLines = new Map<string, string>();
for (const c of chosen) {
  const outcomes: Outcome[] = [];
  for (let run = 1; run <= RUNS; run++) {
    process.stderr.write(`${c.name} (${run}/${RUNS})…\n`);
    const stdout = execFileSync(
      process.execPath,
      // A 1.5 GB heap: V8 grows a larger one lazily, which would show as peak memory not needed.
      ['--max-old-space-size=1536', '--import', 'tsx', new URL('./largeOnce.ts', import.meta.url).pathname, String(c.coachees), String(c.coaches), String(c.seed), String(c.capacity[0]), String(c.capacity[1]), ...(c.priority0 === undefined ? [] : [`priority0=${c.priority0}`]), ...(c.fewKinds ? ['fewKinds=1'] : []), ...(c.kindsOnly ? ['kindsOnly=1'] : []), ...(c.noKinds ? ['noKinds=1'] : []), ...(c.managed ? ['managed=1'] : []), ...(c.coachManaged ? ['coachManaged=1'] : []), ...(c.minLoadEvery === undefined ? [] : [`minLoad=${c.minLoadEvery}`])],
      { encoding: 'utf8', maxBuffer: 1 << 20 },
    );
    const outcome = JSON.parse(stdout.trim()) as Outcome;
    if (!outcome.certified || outcome.overfull > 0 || outcome.underfull > 0) throw new Error(`${c.name}: not certified, or a coach over capacity or under its minimum load: ${stdout}`);
    if (c.coachees * c.coaches <= 1_000_000 && c.priority0 === undefined) checkAgainstDense(c, outcome);
    if (outcomes.length > 0 && outcome.objective !== outcomes[0]!.objective) throw new Error(`${c.name}: run ${run} found objective ${outcome.objective}, run 1 ${outcomes[0]!.objective}`);
    outcomes.push(outcome);
  }
  lines.set(c.name, row(c, outcomes));
  phaseLines.set(c.name, phaseRow(c, medianRun(outcomes)));
}
// Read at the end, so rows another run wrote meanwhile are kept.
const previous = previousRows(MAIN_COLUMNS);
const previousPhases = previousRows(PHASE_COLUMNS);
const machine = machineInfo();
writeFileSync(
  new URL('./LARGE.md', import.meta.url),
  `${[
    '# Large cohorts on candidate pairs',
    '',
    `Run ${new Date().toISOString().slice(0, 10)} on ${machine.cpu} (${machine.cores} cores, ${machine.memoryGb} GB), ${machine.os}, Node ${machine.node}, by \`npm run bench:large\`.`,
    '',
    'Synthetic cohorts (`fixtures/synthetic/syntheticCohort.ts`, the alumni programme\'s attribute mix, seed 1); `match` with `candidates: \'always\'` and the default k (32; 48 from 10^8 pairs, so for the 40k and 100k cases). Three runs per case, each in a fresh process with a 1.5 GB heap, of the built package (`dist/`, which the script builds first): *match* is features, policies, candidate generation, every solve, the certificate over all pairs left out, and the explained matching with KPIs; *parse* is `parseCohort` of the in-memory document. Peak RSS is the highest of the three runs, each the whole process\'s (Node, the cohort, the match, and, from 10^8 pairs, the helper thread that selects and certifies its share of the rows with its own copy of the cohort). *match* is wall time (the median run, whose parse time and solves are shown too, and the range of the three): both cores work on the selection and the certificates. The *-minload* cases without kinds give every coach a minimum load of 1 (one coachee at least), which binds; the large-10k-, -40k- and -100k-scarce cases, coachees all distinct, have about half as many places as coachees, the places solved as rows that must all be filled; the *-priority0* case puts every fifth coachee at priority 0, whose allowed pairs then all weigh 0; in the *-fewkinds* cases coachees record only a gender and an aspired sector, with the same needs (15 kinds of coachee: `fixtures/synthetic/fewKinds.ts`), with places scarce (solved by places) or a few short (-tight: solved by coachees, alike coachees sharing one list), matched in candidate rounds (`byKinds: false`, as they were before near kinds); the *-near* cases are the same cohorts, and the -roomy and large-100k cases the same kinds with room for all or (-scarce) about half as many places as coachees, matched by near kinds (-managed: every coachee also managed by one of 200 people, so every kind is weighed on a stand-in; -coachmanaged: by one of 200 coaches instead, every 20th other coach reporting to one of them, so each kind\'s stand-in has a manager among the coaches, and the kind is weighed there on a witness, a coachee with another manager; -minload: every coach to take at least one coachee, which binds, met by the transportation problem\'s first phases), each kind by record weighed against every coach, each coachee\'s own relations and wishes weighed exactly where they apply, and the whole problem solved as a transportation problem of the kinds and the coachees whose wishes are worth more than their kind\'s places, widened by a certificate over every pair (`src/candidates/matchOnNearKinds.ts`; *candidate pairs* the last solve\'s); in the *-kinds* cases the same 15 kinds without relations or preferences, so every coachee is an exact twin of its kind\'s others (`kindsOnly` in the same file), with room for all or (-scarce) about half as many places as coachees: matched by kind, each kind weighed against every coach and the whole problem solved as one transportation problem (`src/candidates/matchOnKinds.ts`; *rounds* is 1, *candidate pairs* the kinds × coaches pairs solved). This machine\'s speed drifts during a day by a fifth or more (large-100k, its path unchanged: 18.2 s at about 16:30, 21.9 s at about 18:00 and 16.8 s at about 19:30, 18.9 s at about 21:45 and 18.2 s at about 22:00 on 2026-12-04, same pairs and rounds). Every row here is from one batch at about 23:26–23:36 on 2026-12-04, minutes after bench/RESULTS.md\'s run, whose sparse 100,000 × 10,000 solve took 743.1 ms (859.2 ms at 21:55, the same code within noise run alternately, and 726.2 ms at 14:00): a fast hour. Run alternately with the code before this batch\'s two changes (bucketed rank cuts in the selection; a filling problem\'s warm start through the auction\'s last phases), large-100k took 16.7 and 16.9 s against 17.4 and 17.7 s (2 runs each, the first change without the threshold\'s bucketing), large-40k-tight 10.2–11.0 s against 10.4–11.5 s (4 runs each): compare rows run in one batch, or runs interleaved. Every case came back certified optimal with no coach over capacity or under its minimum load; the 1k, 2k-kinds and 2k-fewkinds-minload cases also equal the dense match\'s objective.',
    '',
    '| case | coachees × coaches | places | all pairs | candidate pairs | solves | parse | match (median) | match (range) | peak RSS (highest) | run on |',
    '|---|---|---|---|---|---|---|---|---|---|---|',
    // Cases not run this time keep their earlier row (and say so in their own date column).
    ...cases.map((c) => lines.get(c.name) ?? previous.get(c.name)).filter((line): line is string => line !== undefined),
    '',
    '## Where the match time goes',
    '',
    'The median run of each case above, phase by phase, as `candidateSettings.onPhase` reports them: wall time on the calling thread, phases back to back, so they add up to *match* (less the few milliseconds that settle the policy first). *context*: features, policies and pair bounds of the whole cohort (from 10^8 pairs the helper thread is started first and builds its own meanwhile; matched by kind: features and policies, and each kind weighed against every coach); *selection*: each coachee\'s first candidates, shared with the helper; then per solve: *prepare* (the round\'s pairs, their weights and placement checks; summed here), the *solve*, and the *certificate* over the pairs left out (shared with the helper); *finish*: the explained matching and its KPIs. Solves and certificates are listed in round order.',
    '',
    '| case | context | selection | prepare (all rounds) | solves | certificates | finish | run on |',
    '|---|---|---|---|---|---|---|---|',
    ...cases.map((c) => phaseLines.get(c.name) ?? previousPhases.get(c.name)).filter((line): line is string => line !== undefined),
    '',
    ...mustReach(lines.get('large-100k') ?? previous.get('large-100k')),
  ].join('\n')}`,
);

/**
 * Issue 7's target, judged on the large-100k row: match within a small multiple of the sparse
 * solve benchmarked for issue 2 (bench/RESULTS.md), under 2 GB peak. "Small" is taken as at
 * most 5 times; the ratio is shown whatever it is.
 */
function mustReach(row: string | undefined): string[] {
  if (row === undefined) return [];
  const cells = row.split('|').map((cell) => cell.trim());
  const matchSeconds = Number(/^([\d.]+) s$/.exec(cells[8] ?? '')?.[1]);
  const peakMb = Number(/^(\d+) MB$/.exec(cells[10] ?? '')?.[1]);
  let sparseMs = Number.NaN;
  try {
    const results = readFileSync(new URL('./RESULTS.md', import.meta.url), 'utf8');
    sparseMs = Number(/\| sparse-100kx10k-cap10: [^|]*\| ([\d,]+(?:\.\d+)?) ms median/.exec(results)?.[1]?.replaceAll(',', ''));
  } catch {
    // No solver benchmark yet: the ratio is left out.
  }
  if (!Number.isFinite(matchSeconds) || !Number.isFinite(peakMb) || !Number.isFinite(sparseMs)) return [];
  const ratio = (matchSeconds * 1000) / sparseMs;
  return [
    '## Must reach (issue 7), judged on large-100k',
    '',
    '| target | measured | met? |',
    '|---|---|---|',
    `| match within a small multiple (taken as ≤ 5×) of the sparse 100,000 × 10,000 solve of bench/RESULTS.md (${sparseMs.toLocaleString('en-US')} ms median) | ${matchSeconds} s median: ${ratio.toFixed(1)}× | **${ratio <= 5 ? 'yes' : 'no'}** |`,
    `| peak memory under 2 GB on 2 cores | ${peakMb} MB (highest of 3 runs) | **${peakMb < 2048 ? 'yes' : 'no'}** |`,
    '',
  ];
}

function checkAgainstDense(c: LargeCase, outcome: Outcome): void {
  const drawn = syntheticCohort(c.coachees, c.coaches, c.seed, { capacity: c.capacity });
  const kinded = c.kindsOnly ? kindsOnly(drawn) : c.fewKinds ? fewKinds(drawn) : drawn;
  const dense = match(parseCohort(c.minLoadEvery === undefined ? kinded : withMinimumLoads(kinded, c.minLoadEvery)), { candidates: 'never' });
  const scale = Math.max(1, Math.abs(dense.objective ?? 0));
  if (dense.objective === null || outcome.objective === null || Math.abs(dense.objective - outcome.objective) > 1e-9 * scale) {
    throw new Error(`${c.name}: candidate objective ${outcome.objective} ≠ dense ${dense.objective}`);
  }
}

/** The median run by match time. */
function medianRun(outcomes: readonly Outcome[]): Outcome {
  const sorted = [...outcomes].sort((a, b) => a.matchMs - b.matchMs);
  return sorted[Math.floor((sorted.length - 1) / 2)]!;
}

/** A case's row: the median run by match time, the range of match times, and the highest peak RSS. */
function row(c: LargeCase, outcomes: readonly Outcome[]): string {
  const n = (x: number) => x.toLocaleString('en');
  const o = medianRun(outcomes);
  const times = outcomes.map((x) => x.matchMs);
  const range = `${seconds(Math.min(...times))}–${s(Math.max(...times))}`;
  const peak = Math.max(...outcomes.map((x) => x.peakRssBytes));
  return `| ${c.name} | ${n(c.coachees)} × ${n(c.coaches)} | ${n(o.places)} | ${n(o.allPairs)} | ${n(o.candidatePairs)} | ${o.rounds} | ${s(o.parseMs)} | ${s(o.matchMs)} | ${range} | ${Math.round(peak / 2 ** 20)} MB | ${new Date().toISOString().slice(0, 10)} |`;
}

/** A case's phase row (see the phase table's text): one run's phases, solves and certificates each in round order. */
function phaseRow(c: LargeCase, o: Outcome): string {
  // A phase the match did not go through (a match by kinds selects, prepares and certifies nothing): a dash.
  const ran = (name: CandidatePhase['name']) => o.phases.filter((p) => p.name === name);
  const total = (name: CandidatePhase['name']) => (ran(name).length === 0 ? '—' : s(ran(name).reduce((sum, p) => sum + p.ms, 0)));
  const each = (name: CandidatePhase['name']) => (ran(name).length === 0 ? '—' : `${ran(name).map((p) => seconds(p.ms)).join(' + ')} s`);
  return `| ${c.name} | ${total('context')} | ${total('selection')} | ${total('prepare')} | ${each('solve')} | ${each('certificate')} | ${total('finish')} | ${new Date().toISOString().slice(0, 10)} |`;
}

/** The rows of one table of the current LARGE.md (the one whose rows have `columns` columns), by case name, so a partial run keeps the others. */
function previousRows(columns: number): Map<string, string> {
  const out = new Map<string, string>();
  let text = '';
  try {
    text = readFileSync(new URL('./LARGE.md', import.meta.url), 'utf8');
  } catch {
    return out;
  }
  for (const line of text.split('\n')) {
    const name = /^\| (large-[\w-]+) \|/.exec(line)?.[1];
    // Rows of an older layout (one run, no range) are not kept: their case must run again.
    if (name !== undefined && line.split('|').length === columns + 2) out.set(name, line);
  }
  return out;
}
