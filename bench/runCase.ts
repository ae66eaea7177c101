import type { BenchCase } from './benchCase.js';
import type { CaseReport, ImplementationReport } from './caseReport.js';
import { checkAssignment } from './checkAssignment.js';
import { checkDualCertificate } from './checkDualCertificate.js';
import { inputChecksum } from './inputChecksum.js';
import { pairTable } from './pairTable.js';
import type { Implementation } from './peers.js';
import { summarize, timeRound, timingPlan, type TimingPlan } from './timeTask.js';

/** Which suite a case belongs to, and which of our other methods independently re-solves it. */
export interface CaseSetup {
  readonly suite: CaseReport['suite'];
  /** Name of the implementation whose optimum must equal `ours auto`'s (e.g. `ours flow`). */
  readonly crossCheck?: string;
}

interface Checked {
  readonly implementation: Implementation;
  readonly prepared: unknown;
  readonly objective: number;
  readonly checkRunMs: number;
  /** Duration the timing plan is chosen from: the faster of the checked run and one more. */
  readonly planMs: number;
}

const AUTO = 'ours auto';

/**
 * Checks, then times, every implementation on one case. Each implementation first solves
 * the case once; its answer must be feasible (every row placed, allowed pairs only,
 * capacities kept), must leave the input untouched, must carry a valid dual certificate
 * if it returns duals, and must reach the reference optimum: `ours auto`'s objective,
 * itself proven by its dual certificate and compared with the cross-check method and the
 * published optimum where there is one. Only answers that pass are timed.
 */
export function runCase(c: BenchCase, implementations: readonly Implementation[], setup: CaseSetup, log: (line: string) => void): CaseReport {
  if (implementations[0]?.name !== AUTO) throw new Error(`${AUTO} must come first`);
  const table = pairTable(c);
  const checksum = inputChecksum(c);
  const reports = new Map<string, ImplementationReport>();
  const checked: Checked[] = [];
  let autoMethod: string | undefined;

  for (const implementation of implementations) {
    const { name, ours } = implementation;
    const skip = implementation.skipReason(c);
    if (skip !== null) {
      reports.set(name, { name, ours, outcome: 'skipped', note: skip });
      continue;
    }
    const prepared = implementation.prepare?.(c);
    gc();
    const start = performance.now();
    let answer;
    try {
      answer = implementation.solve(c, prepared);
    } catch (error) {
      reports.set(name, { name, ours, outcome: 'failed', note: `threw: ${String(error).slice(0, 200)}` });
      log(`[${c.name}] ${name}: FAILED ${String(error).slice(0, 200)}`);
      continue;
    }
    const checkRunMs = performance.now() - start;
    if (name === AUTO) autoMethod = answer.method;
    const verdict = checkAssignment(table, answer.assignment);
    let problem: string | null = verdict.ok ? null : verdict.reason;
    if (problem === null && inputChecksum(c) !== checksum) problem = 'changed the caller’s input';
    if (problem === null && verdict.ok && answer.duals !== undefined) {
      const certificate = checkDualCertificate(table, answer.assignment, answer.duals, verdict.objective);
      if (certificate !== null) problem = `dual certificate fails: ${certificate}`;
    }
    if (problem !== null || !verdict.ok) {
      reports.set(name, { name, ours, outcome: 'wrong', note: problem ?? 'infeasible answer', checkRunMs });
      log(`[${c.name}] ${name}: WRONG ${problem}`);
      continue;
    }
    // The checked run also paid for JIT compilation; a second, untimed run right away gives
    // a fairer duration to choose the number of timed runs from (not worth it over 3 s).
    let planMs = checkRunMs;
    if (planMs <= 3000) {
      gc();
      const again = performance.now();
      implementation.solve(c, prepared);
      planMs = Math.min(planMs, performance.now() - again);
    }
    checked.push({ implementation, prepared, objective: verdict.objective, checkRunMs, planMs });
    log(`[${c.name}] ${name}: checked, objective ${verdict.objective}, ${checkRunMs.toFixed(1)} ms`);
  }

  const evidence: string[] = [];
  const auto = checked.find((k) => k.implementation.name === AUTO);
  let reference: number | null = null;
  if (auto !== undefined) {
    reference = auto.objective;
    evidence.push(`ours auto (${autoMethod}) is feasible and its dual certificate holds (LP duality proves it optimal)`);
    if (c.knownOptimum !== undefined) {
      evidence.push(sameValue(reference, c.knownOptimum)
        ? `equals the published optimum ${c.knownOptimum}`
        : `DIFFERS from the published optimum ${c.knownOptimum}`);
    }
    const cross = checked.find((k) => k.implementation.name === setup.crossCheck);
    if (setup.crossCheck !== undefined) {
      evidence.push(cross === undefined
        ? `cross-check ${setup.crossCheck} did not produce a checked answer`
        : sameValue(cross.objective, reference)
          ? `${setup.crossCheck} (an independent algorithm) finds the same optimum`
          : `${setup.crossCheck} finds ${cross.objective}, not ${reference}`);
    }
  } else {
    evidence.push('ours auto did not produce a checked answer: nothing is compared or timed');
  }

  const toTime: { readonly k: Checked; readonly plan: TimingPlan; readonly samples: number[] }[] = [];
  for (const k of checked) {
    const { name, ours } = k.implementation;
    const known = c.knownOptimum;
    if (reference === null || !sameValue(k.objective, reference) || (known !== undefined && !sameValue(k.objective, known))) {
      const target = known ?? reference;
      reports.set(name, { name, ours, outcome: 'wrong', note: `objective ${k.objective}, optimum ${target}`, objective: k.objective, checkRunMs: k.checkRunMs });
      log(`[${c.name}] ${name}: WRONG objective ${k.objective} vs ${target}`);
      continue;
    }
    toTime.push({ k, plan: timingPlan(k.planMs), samples: [] });
  }

  // Rounds interleave the implementations that take up to a second, so a burst of other
  // load on the machine is spread over all of them instead of landing on one. Slower ones
  // (the LP solver allocates gigabytes) come after, one at a time, so they cannot disturb
  // the fast ones.
  const light = toTime.filter((t) => t.k.planMs <= 1000);
  const heavy = toTime.filter((t) => t.k.planMs > 1000);
  const rounds = Math.max(0, ...light.map((t) => t.plan.rounds));
  const timeIt = (t: (typeof toTime)[number]): void => {
    const { implementation, prepared } = t.k;
    t.samples.push(...timeRound(`${c.name} ${implementation.name}`, () => implementation.solve(c, prepared), t.plan));
  };
  for (let round = 0; round < rounds; round++) for (const t of light) if (round < t.plan.rounds) timeIt(t);
  for (const t of heavy) for (let round = 0; round < t.plan.rounds; round++) timeIt(t);
  for (const { k, samples } of toTime) {
    const { name, ours } = k.implementation;
    const timing = summarize(samples);
    reports.set(name, { name, ours, outcome: 'timed', note: name === AUTO ? `ran ${autoMethod}` : '', objective: k.objective, checkRunMs: k.checkRunMs, ...timing });
    log(`[${c.name}] ${name}: median ${timing.medianMs.toFixed(2)} ms, mean ${timing.meanMs.toFixed(2)} ms, min ${timing.minMs.toFixed(2)} ms (${timing.samples} runs)`);
  }

  return {
    name: c.name,
    description: c.description,
    kind: c.kind,
    suite: setup.suite,
    referenceObjective: reference,
    evidence,
    implementations: implementations.map((i) => reports.get(i.name)!),
  };
}

function sameValue(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));
}

function gc(): void {
  (globalThis as { gc?: () => void }).gc?.();
}
