import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import { CoachmatchError, type CoachmatchErrorKind, type InputIssue } from '../errors.js';
import { cohortPairs } from '../model/cohortPairs.js';
import { defaultRunScenarioOptions, runScenario, type RunScenarioOptions } from './runScenario.js';
import type { ResolvedScenario, ScenarioRun } from './scenario.js';
import { spawnWorker } from '../workers/spawnWorker.js';

/** Options of {@link runScenarios}; defaults in {@link defaultRunScenariosOptions}. */
export interface RunScenariosOptions extends RunScenarioOptions {
  /**
   * `auto` uses worker threads when there are at least {@link minScenarios} scenarios and
   * enough work to repay starting the threads ({@link minPairs}); `always` and `never` force it.
   */
  readonly parallel: 'auto' | 'always' | 'never';
  /** Most worker threads to start; default: available parallelism − 1 (at least 1). */
  readonly threads: number;
  readonly minScenarios: number;
  /** Least total coachee × coach pairs (over all scenarios) for `auto` to go parallel. */
  readonly minPairs: number;
  /** Told after each finished scenario, e.g. to draw a progress line; default: nobody. */
  readonly onProgress: ((done: number, total: number) => void) | undefined;
}

/**
 * Defaults for {@link runScenarios}. Measured (Node 20, 2 cores): starting a worker and warming
 * its JIT costs ~0.3 s, while one scenario on the 64 × 26 alumni cohort takes ~15 ms and on a
 * 1024 × 448 cohort ~0.7 s; threads broke even only at the latter size (≈ 1.8 M pairs over 4
 * scenarios). Hence `auto` needs 4 scenarios, 2 threads and a million pairs.
 */
export const defaultRunScenariosOptions: RunScenariosOptions = {
  ...defaultRunScenarioOptions,
  parallel: 'auto',
  threads: Math.max(1, availableParallelism() - 1),
  minScenarios: 4,
  minPairs: 1_000_000,
  onProgress: undefined,
};

/**
 * Runs scenarios, in worker threads where it pays, and returns the runs in input order: the
 * output is the same whether or not threads were used.
 *
 * @remarks
 * Workers run the built-in policies only (functions cannot cross threads), so a caller with
 * its own `policies` or `buildFeatures` always runs in this thread. A scenario that throws in
 * a worker rethrows here as the same `CoachmatchError` kind.
 *
 * @example
 * ```ts
 * const runs = await runScenarios([base, diverse, dropOut, bigger], { parallel: 'auto' });
 * ```
 */
export async function runScenarios(scenarios: readonly ResolvedScenario[], options: Partial<RunScenariosOptions> = {}): Promise<ScenarioRun[]> {
  const settings = { ...defaultRunScenariosOptions, ...options };
  const report = settings.onProgress ?? (() => undefined);
  if (!useThreads(scenarios, settings)) {
    return scenarios.map((s, i) => {
      const run = runScenario(s, settings);
      report(i + 1, scenarios.length);
      return run;
    });
  }
  return runInWorkers(scenarios, Math.min(settings.threads, scenarios.length), report);
}

function useThreads(scenarios: readonly ResolvedScenario[], settings: RunScenariosOptions): boolean {
  const builtIn = settings.policies === defaultRunScenarioOptions.policies
    && settings.buildFeatures === defaultRunScenarioOptions.buildFeatures
    && settings.method === defaultRunScenarioOptions.method;
  if (!builtIn || settings.parallel === 'never' || scenarios.length < 2) return false;
  if (settings.parallel === 'always') return true;
  const pairs = scenarios.reduce((sum, s) => sum + cohortPairs(s.cohort), 0);
  return settings.threads > 1 && scenarios.length >= settings.minScenarios && pairs >= settings.minPairs;
}

interface Reply {
  readonly index: number;
  readonly run?: ScenarioRun;
  readonly error?: { readonly kind: CoachmatchErrorKind; readonly message: string; readonly issues: readonly InputIssue[]; readonly issueCount: number };
}

function startWorker(): Worker {
  return spawnWorker(import.meta.url, 'scenarioWorker');
}

async function runInWorkers(
  scenarios: readonly ResolvedScenario[],
  threads: number,
  report: (done: number, total: number) => void,
): Promise<ScenarioRun[]> {
  const runs = new Array<ScenarioRun | undefined>(scenarios.length);
  let next = 0;
  let done = 0;
  let failure: Error | undefined;
  const workers = Array.from({ length: threads }, startWorker);
  try {
    await Promise.all(
      workers.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            const feed = () => {
              if (next >= scenarios.length || failure !== undefined) return resolve();
              const index = next++;
              worker.postMessage({ index, scenario: scenarios[index] });
            };
            worker.on('message', (reply: Reply) => {
              if (reply.error !== undefined) failure ??= new CoachmatchError(reply.error.kind, reply.error.message, reply.error.issues, reply.error.issueCount);
              else runs[reply.index] = reply.run;
              report(++done, scenarios.length);
              feed();
            });
            worker.on('error', reject);
            feed();
          }),
      ),
    );
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  if (failure !== undefined) throw failure;
  return runs.map((run, i) => {
    if (run === undefined) throw new CoachmatchError('internal', `scenario ${i} produced no result`);
    return run;
  });
}
