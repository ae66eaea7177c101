import { parentPort } from 'node:worker_threads';
import { CoachmatchError } from '../errors.js';
import { runScenario } from './runScenario.js';
import type { ResolvedScenario } from './scenario.js';

/** A task for the worker: which scenario (by index) to run. */
interface Task {
  readonly index: number;
  readonly scenario: ResolvedScenario;
}

// Runs scenarios sent by runScenarios, one at a time, and answers each with its index so the
// caller can put results back in input order whatever the finishing order. An error's message
// travels without the issue lines the CoachmatchError constructor appends (they are rebuilt).
parentPort?.on('message', ({ index, scenario }: Task) => {
  try {
    parentPort!.postMessage({ index, run: runScenario(scenario) });
  } catch (error) {
    const failure = error instanceof CoachmatchError
      ? { kind: error.kind, message: error.summary, issues: error.issues, issueCount: error.issueCount }
      : { kind: 'internal', message: error instanceof Error ? error.message : String(error), issues: [], issueCount: 0 };
    parentPort!.postMessage({ index, error: failure });
  }
});
