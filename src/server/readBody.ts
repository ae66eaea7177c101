import type { IncomingMessage } from 'node:http';

/** Outcome of {@link readBody}. */
export type BodyRead = { readonly ok: true; readonly bytes: Buffer } | { readonly ok: false; readonly reason: 'tooLarge' | 'aborted' };

/**
 * Reads a request body, stopping as soon as it exceeds `limit` bytes (a declared
 * `content-length` over the limit is refused before reading anything).
 */
export function readBody(request: IncomingMessage, limit: number): Promise<BodyRead> {
  const declared = Number(request.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) return Promise.resolve({ ok: false, reason: 'tooLarge' });
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const finish = (result: BodyRead) => {
      if (settled) return;
      settled = true;
      request.off('data', onData);
      resolve(result);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) finish({ ok: false, reason: 'tooLarge' });
      else chunks.push(chunk);
    };
    request.on('data', onData);
    request.on('end', () => finish({ ok: true, bytes: Buffer.concat(chunks, size) }));
    request.on('error', () => finish({ ok: false, reason: 'aborted' }));
    request.on('close', () => finish({ ok: false, reason: 'aborted' }));
  });
}
