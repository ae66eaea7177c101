import type { Worker } from 'node:worker_threads';
import { spawnWorker } from '../workers/spawnWorker.js';

/** Starts one job worker (see {@link spawnWorker}). */
export function spawnJobWorker(): Worker {
  return spawnWorker(import.meta.url, 'jobWorker');
}
