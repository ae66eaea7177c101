import { CoachmatchError } from '../errors.js';
import type { JobReplyMessage, JobRequestMessage } from './jobMessages.js';
import { MalformedBodyError } from './malformedBodyError.js';
import { maxListedErrors } from './problemResponse.js';

/**
 * Loads a job's module, announces the start, runs it and describes the outcome as a message.
 * Shared by the worker entry and the inline runner, so both behave the same.
 */
export async function runJobFunction(request: JobRequestMessage, started: () => void): Promise<JobReplyMessage> {
  const { id } = request;
  let run: (input: unknown) => unknown;
  try {
    const module = (await import(request.module)) as Record<string, unknown>;
    const candidate = module[request.name];
    if (typeof candidate !== 'function') return { id, type: 'failed', message: `job ${request.name} is not a function of its module` };
    run = candidate as (input: unknown) => unknown;
  } catch (error) {
    return { id, type: 'failed', message: `cannot load job ${request.name}: ${(error as Error).message}` };
  }
  started();
  try {
    return { id, type: 'done', value: await run(request.input) };
  } catch (error) {
    if (error instanceof CoachmatchError) {
      // Only what the answer lists crosses the thread boundary: a broken 100 000-record file has 400 000 issues.
      return { id, type: 'rejected', kind: error.kind, message: error.summary, issues: error.issues.slice(0, maxListedErrors), issueCount: error.issueCount };
    }
    if (error instanceof MalformedBodyError) return { id, type: 'malformedBody', message: error.message };
    return { id, type: 'failed', message: error instanceof Error ? error.message : String(error) };
  }
}
