import type { CoachmatchErrorKind } from '../errors.js';
import type { JobReplyMessage } from './jobMessages.js';
import type { JobResult } from './types.js';

/** The runner's view of a finished job's last message. */
export function replyToResult<Output>(reply: Exclude<JobReplyMessage, { type: 'started' }>, ms: number): JobResult<Output> {
  switch (reply.type) {
    case 'done':
      return { status: 'done', value: reply.value as Output, ms };
    case 'malformedBody':
      return { status: 'malformedBody', message: reply.message };
    case 'failed':
      return { status: 'failed', message: reply.message };
    case 'rejected':
      return { status: 'rejected', kind: reply.kind as CoachmatchErrorKind, summary: reply.message, issues: reply.issues, issueCount: reply.issueCount };
  }
}
