// Worker-thread entry of the job pool: one job at a time, as the pool sends them.
import { parentPort } from 'node:worker_threads';
import type { JobRequestMessage } from './jobMessages.js';
import { runJobFunction } from './runJobFunction.js';

const port = parentPort;
if (port !== null) {
  port.on('message', (request: JobRequestMessage) => {
    void runJobFunction(request, () => port.postMessage({ id: request.id, type: 'started' })).then((reply) => {
      try {
        port.postMessage(reply);
      } catch (error) {
        // A value that cannot be cloned is a bug in the job, reported rather than lost.
        port.postMessage({ id: request.id, type: 'failed', message: `job result cannot be sent: ${(error as Error).message}` });
      }
    });
  });
}
