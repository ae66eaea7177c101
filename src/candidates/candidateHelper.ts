import { MessageChannel, receiveMessageOnPort, type MessagePort, type Worker } from 'node:worker_threads';
import { CoachmatchError } from '../errors.js';
import type { Cohort } from '../model/cohort.js';
import type { PolicySettings } from '../model/policySettings.js';
import { defaultPolicies } from '../policies/defaultPolicies.js';
import type { Policy } from '../policies/policy.js';
import { spawnWorker } from '../workers/spawnWorker.js';
import type { CertificateVerdict } from './certifier.js';
import type { HelperRequest } from './candidateWorker.js';
import { packCandidates, unpackVerdict, type PackedSelection, type PackedVerdict } from './packedSelection.js';
import type { RowBlocks } from './rowBlocks.js';
import type { PlacesOffers } from './widenForPlaces.js';

type Reply = { kind: 'selected'; packed: PackedSelection; from: number } | { kind: 'offers'; offers: PlacesOffers } | { kind: 'certified'; packed: PackedVerdict } | { kind: 'error'; message: string };

/**
 * Seconds without a heartbeat after which the helper is given up and its rows done here. It
 * beats when the cohort is read and its bounds built (1.4 s apart at 100,000 coachees), every
 * chunk of rows selected and every 1,024 rows certified: a silence this long is a dead thread
 * (out of memory, say), whose exit this thread, waiting on a shared flag, cannot hear.
 */
const STALL_SECONDS = 20;

/**
 * A second thread for candidate matching's row scans, so a 2-core machine uses both cores.
 * It builds its own bounds from a copy of the cohort (started first, so that work overlaps the
 * main thread's own), selects a range of rows, then certifies those rows round after round,
 * keeping their lists and memory; it answers one request at a time. `match` is synchronous, so the main
 * thread waits on a shared flag and reads the reply with `receiveMessageOnPort` rather than
 * through an event loop. Each row's answer depends on that row alone, so rows done here or
 * there give the same selection.
 */
export class CandidateHelper {
  private constructor(
    private readonly worker: Worker,
    private readonly port: MessagePort,
    private readonly signal: Int32Array,
    private readonly stallSeconds: number,
  ) {}

  /** Starts a helper; null when the policies are not all built in, each once (the helper knows those alone). */
  static start(cohort: Cohort, settings: PolicySettings, policies: readonly Policy[], stallSeconds = STALL_SECONDS): CandidateHelper | null {
    if (!policies.every((p, n) => defaultPolicies.includes(p) && policies.indexOf(p) === n)) return null;
    let worker: Worker | null = null;
    try {
      worker = spawnWorker(import.meta.url, 'candidateWorker');
      // The helper must never keep the process alive, nor take it down.
      worker.unref();
      worker.on('error', () => {});
      const { port1, port2 } = new MessageChannel();
      const signal = new SharedArrayBuffer(8);
      const init: HelperRequest = { kind: 'init', cohortJson: JSON.stringify(cohort), settings, policies: policies.map((p) => p.name), port: port2, signal };
      worker.postMessage(init, [port2]);
      return new CandidateHelper(worker, port1, new Int32Array(signal), stallSeconds);
    } catch {
      // No thread to be had (or the cohort would not travel): this thread does every row.
      void worker?.terminate();
      return null;
    }
  }

  /** Asks for the selection of blocks of rows taken from the back of `blocks`; {@link selection} waits for it. */
  requestSelection(blocks: RowBlocks, k: number): void {
    const request: HelperRequest = { kind: 'select', rows: blocks.rows, blockRows: blocks.blockRows, taken: blocks.shared, k };
    this.worker.postMessage(request);
  }

  /** The selection asked for, of rows `from` to the last; null when the helper stalled (it is then stopped, and the caller does the rows it left). */
  selection(): { packed: PackedSelection; from: number } | null {
    const reply = this.await();
    if (reply === null) return null;
    const { packed, from } = expect(reply, 'selected');
    return { packed, from };
  }

  /** Asks for the places' offers of blocks of rows taken from the back of `blocks` (see placesOffers); {@link offers} waits for them. */
  requestOffers(blocks: RowBlocks, capacity: Int32Array): void {
    const request: HelperRequest = { kind: 'offers', capacity, rows: blocks.rows, blockRows: blocks.blockRows, taken: blocks.shared };
    this.worker.postMessage(request);
  }

  /** The offers asked for; null when the helper stalled (as {@link selection}). */
  offers(): PlacesOffers | null {
    const reply = this.await();
    return reply === null ? null : expect(reply, 'offers').offers;
  }

  /** Asks for the certificate of the rows it selected: their candidates and row duals, every column dual. */
  requestCertificate(candidates: readonly Int32Array[], rowDual: Float64Array, colDual: Float64Array, capPerRow: number, keptPerRow: number): void {
    const packed = packCandidates(candidates);
    const request: HelperRequest = { kind: 'certify', candidates: packed, rowDual, colDual, capPerRow, keptPerRow };
    this.worker.postMessage(request, [packed.rowStart.buffer as ArrayBuffer, packed.colIndex.buffer as ArrayBuffer, rowDual.buffer as ArrayBuffer, colDual.buffer as ArrayBuffer]);
  }

  /** The certificate asked for, its rows counted from the helper's first; null when the helper stalled (as {@link selection}). */
  certificate(): CertificateVerdict | null {
    const reply = this.await();
    return reply === null ? null : unpackVerdict(expect(reply, 'certified').packed);
  }

  private closed = false;

  /** Whether it still takes requests (it is stopped after a stall, or when closed). */
  get alive(): boolean {
    return !this.closed;
  }

  /** Stops the helper (again: nothing). */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.port.close();
    void this.worker.terminate();
  }

  private await(): Reply | null {
    let heartbeat = Atomics.load(this.signal, 1);
    let quiet = 0;
    for (;;) {
      Atomics.wait(this.signal, 0, 0, 1000);
      if (Atomics.load(this.signal, 0) === 1) {
        const received = receiveMessageOnPort(this.port);
        if (received !== undefined) {
          Atomics.store(this.signal, 0, 0);
          return received.message as Reply;
        }
        continue; // flagged before the message is visible here: look again
      }
      const now = Atomics.load(this.signal, 1);
      if (now !== heartbeat) {
        heartbeat = now;
        quiet = 0;
      } else if (++quiet >= this.stallSeconds) {
        this.close();
        return null;
      }
    }
  }
}

/** The reply of the kind asked for, or the helper's error as an exception. */
function expect<K extends Reply['kind']>(reply: Reply, kind: K): Extract<Reply, { kind: K }> {
  if (reply.kind === 'error') throw new CoachmatchError('internal', `candidate helper thread failed: ${reply.message}`);
  if (reply.kind !== kind) throw new CoachmatchError('internal', `candidate helper answered ${reply.kind}, not ${kind}`);
  return reply as Extract<Reply, { kind: K }>;
}
