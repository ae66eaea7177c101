import { z } from 'zod';
import { CoachmatchError } from '../errors.js';
import { zodIssuesToInputIssues } from '../model/zodIssuesToInputIssues.js';
import { apiKeyProblem } from './apiKeyProblem.js';
import { longestTimerMs } from './longestTimerMs.js';
import type { ServerOptions } from './serverOptions.js';

const duration = (least: number) =>
  z.number().int().min(least).max(longestTimerMs, { message: `must be at most ${longestTimerMs} ms: beyond, Node's timers overflow and fire at once` });

// The scalar options; the route table and the log function are the embedder's code.
const scalarOptionsSchema = z
  .object({
    host: z.string().min(1),
    port: z.number().int().min(0).max(65535),
    maxBodyBytes: z.number().int().min(1),
    maxPairs: z.number().int().min(0),
    maxCandidatePairs: z.number().int().min(0),
    timeLimitMs: duration(1),
    requestTimeoutMs: duration(1),
    headersTimeoutMs: duration(1),
    shutdownGraceMs: duration(0),
    // '' means no key, as an unset environment variable gives.
    apiKey: z
      .string()
      .superRefine((key, context) => {
        const problem = key === '' ? undefined : apiKeyProblem(key);
        if (problem !== undefined) context.addIssue({ code: 'custom', message: problem });
      })
      .optional(),
    workers: z.number().int().min(1),
    maxQueue: z.number().int().min(0),
    isolation: z.enum(['worker', 'inline']),
  })
  .superRefine(({ headersTimeoutMs, requestTimeoutMs }, context) => {
    if (headersTimeoutMs > requestTimeoutMs) context.addIssue({ code: 'custom', path: ['headersTimeoutMs'], message: `must be at most requestTimeoutMs (${requestTimeoutMs} ms): the headers are part of the request` });
  });

/**
 * Checks the options of createServer before anything starts: a key no request can present,
 * a time limit Node's timers cannot hold, a negative size would each make a server that
 * starts but never answers as asked.
 *
 * @throws CoachmatchError of kind `invalidArgument` listing each bad option at `$.<name>`.
 */
export function checkServerOptions(options: ServerOptions): void {
  const checked = scalarOptionsSchema.safeParse(options);
  if (!checked.success) throw new CoachmatchError('invalidArgument', 'Invalid server options', zodIssuesToInputIssues(checked.error.issues));
}
