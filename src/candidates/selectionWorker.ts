import { parentPort, type MessagePort } from 'node:worker_threads';
import type { Cohort } from '../model/cohort.js';
import type { PolicySettings } from '../model/policySettings.js';
import { defaultPolicies } from '../policies/defaultPolicies.js';
import { candidateContext, type CandidateContext } from './candidateContext.js';
import { packedBuffers, packSelection } from './packedSelection.js';
import { selectCandidates } from './selectCandidates.js';

/** What the main thread sends (see selectionHelper.ts). */
export type HelperRequest =
  | {
      readonly kind: 'init';
      readonly cohort: Cohort;
      readonly settings: PolicySettings;
      /** The policies, by name: each is one of the built-in ones. */
      readonly policies: readonly string[];
      readonly port: MessagePort;
      /** [0]: 1 when a reply is waiting; [1]: a heartbeat, raised as work goes on. */
      readonly signal: SharedArrayBuffer;
    }
  | { readonly kind: 'select'; readonly from: number; readonly to: number; readonly k: number };

let port: MessagePort | null = null;
let signal: Int32Array | null = null;
let context: CandidateContext | null = null;

const beat = () => Atomics.add(signal!, 1, 1);

/** Replies on the port, then wakes the main thread, which blocks on the signal rather than an event loop. */
function reply(message: unknown, transfer: ArrayBuffer[] = []): void {
  port!.postMessage(message, transfer);
  Atomics.store(signal!, 0, 1);
  Atomics.notify(signal!, 0);
}

parentPort?.on('message', (request: HelperRequest) => {
  try {
    if (request.kind === 'init') {
      port = request.port;
      signal = new Int32Array(request.signal);
      const byName = new Map(defaultPolicies.map((p) => [p.name, p]));
      const policies = request.policies.map((name) => byName.get(name)!);
      context = candidateContext(request.cohort, request.settings, policies);
      beat();
      return;
    }
    const packed = packSelection(selectCandidates(context!.bounds, request.k, context!.exactWeights, request.from, request.to, beat));
    reply({ kind: 'selected', packed }, packedBuffers(packed));
  } catch (error) {
    // Personal data stays out: only the error's own message travels.
    if (port !== null && signal !== null) reply({ kind: 'error', message: error instanceof Error ? error.message : String(error) });
  }
});
