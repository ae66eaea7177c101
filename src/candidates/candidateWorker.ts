import { parentPort, type MessagePort } from 'node:worker_threads';
import type { Cohort } from '../model/cohort.js';
import { trustSettled } from '../model/isSettledCohort.js';
import type { PolicySettings } from '../model/policySettings.js';
import { defaultPolicies } from '../policies/defaultPolicies.js';
import { candidateContext, type CandidateContext } from './candidateContext.js';
import { RangeCertifier } from './certifier.js';
import { packSelection, packVerdict, unpackCandidates, type PackedCandidates } from './packedSelection.js';
import { RowBlocks } from './rowBlocks.js';
import { selectRanges } from './selectCandidates.js';
import { placesOffers } from './widenForPlaces.js';

/** What the main thread sends (see candidateHelper.ts). */
export type HelperRequest =
  | {
      readonly kind: 'init';
      /**
       * The cohort as JSON: a parsed cohort is plain data, and at 100,000 coachees
       * JSON.stringify and JSON.parse took 0.2–0.26 s and 0.3–0.43 s where a structured clone
       * took 0.39–0.48 s to serialize and 0.51–1.16 s to read back; this thread starts its
       * rows that much sooner.
       */
      readonly cohortJson: string;
      readonly settings: PolicySettings;
      /** The policies, by name: each is one of the built-in ones. */
      readonly policies: readonly string[];
      readonly port: MessagePort;
      /** [0]: 1 when a reply is waiting; [1]: a heartbeat, raised as work goes on. */
      readonly signal: SharedArrayBuffer;
    }
  /** Select blocks of rows from the back (see RowBlocks); later certificates check those rows. */
  | { readonly kind: 'select'; readonly rows: number; readonly blockRows: number; readonly taken: SharedArrayBuffer; readonly k: number }
  /** The places' offers (see placesOffers) of blocks of rows from the back. */
  | { readonly kind: 'offers'; readonly capacity: Int32Array; readonly rows: number; readonly blockRows: number; readonly taken: SharedArrayBuffer }
  /** Certify those rows: their candidates and row duals, every column dual. */
  | {
      readonly kind: 'certify';
      readonly candidates: PackedCandidates;
      readonly rowDual: Float64Array;
      readonly colDual: Float64Array;
      readonly capPerRow: number;
      readonly keptPerRow: number;
    };

let port: MessagePort | null = null;
let signal: Int32Array | null = null;
let context: CandidateContext | null = null;
let certifier: RangeCertifier | null = null;

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
      // This thread's own copy, which nothing else holds or changes: cached by as the main thread's is.
      const cohort = trustSettled(JSON.parse(request.cohortJson) as Cohort);
      beat();
      context = candidateContext(cohort, request.settings, policies);
      beat();
      return;
    }
    const { bounds, exactWeights } = context!;
    if (request.kind === 'select') {
      const blocks = new RowBlocks(request.rows, request.blockRows, request.taken);
      const { selection, from } = selectRanges(bounds, request.k, exactWeights, blocks.fromBack(), { onChunk: beat, emptyAt: request.rows });
      // The lists stay here, for this thread's certificates of the same rows.
      certifier = new RangeCertifier(bounds, exactWeights, selection.top, from);
      const packed = packSelection(selection.candidates, selection.weights, selection.evaluated);
      const buffers = [packed.rowStart, packed.colIndex, packed.weights, packed.evaluated].map((a) => a.buffer as ArrayBuffer);
      reply({ kind: 'selected', packed, from }, buffers);
      return;
    }
    if (request.kind === 'offers') {
      const blocks = new RowBlocks(request.rows, request.blockRows, request.taken);
      const offers = placesOffers(bounds, request.capacity, blocks.fromBack(), beat);
      beat();
      reply({ kind: 'offers', offers }, [offers.colStart, offers.counted, offers.bound].map((a) => a.buffer as ArrayBuffer));
      return;
    }
    const verdict = certifier!.check(unpackCandidates(request.candidates), { row: request.rowDual, col: request.colDual }, request.capPerRow, request.keptPerRow, beat);
    beat();
    const packed = packVerdict(verdict);
    reply({ kind: 'certified', packed }, [packed.rows.buffer as ArrayBuffer, packed.rowStart.buffer as ArrayBuffer, packed.cols.buffer as ArrayBuffer, packed.gapTerms.buffer as ArrayBuffer]);
  } catch (error) {
    // Personal data stays out: only the error's own message travels.
    if (port !== null && signal !== null) reply({ kind: 'error', message: error instanceof Error ? error.message : String(error) });
  }
});
