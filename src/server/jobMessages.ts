import type { InputIssue } from '../errors.js';

/** Main thread → worker: run `module`'s export `name` on `input`. */
export interface JobRequestMessage {
  readonly id: number;
  readonly module: string;
  readonly name: string;
  readonly input: unknown;
}

/**
 * Worker → main thread. `started` is sent once the job's module is loaded, right before the
 * job runs: the time limit counts from there, so a cold import is not billed to the request.
 */
export type JobReplyMessage =
  | { readonly id: number; readonly type: 'started' }
  | { readonly id: number; readonly type: 'done'; readonly value: unknown }
  | {
      readonly id: number;
      readonly type: 'rejected';
      readonly kind: string;
      readonly message: string;
      /** The first issues only (see `maxListedErrors`); `issueCount` has the total. */
      readonly issues: readonly InputIssue[];
      readonly issueCount: number;
    }
  | { readonly id: number; readonly type: 'malformedBody'; readonly message: string }
  | { readonly id: number; readonly type: 'failed'; readonly message: string };
