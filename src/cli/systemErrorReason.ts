/**
 * Why a system call failed, in words (`no space left on device`), from a Node error such as
 * `ENOSPC: no space left on device, write`: its code alone (`ENOSPC`) tells a user little, and
 * its whole message may name a temporary file they never chose.
 */
export function systemErrorReason(error: unknown): string {
  const { code, message } = (error ?? {}) as Partial<NodeJS.ErrnoException>;
  const words = typeof message === 'string' ? /^[A-Z][A-Z0-9_]*: ([^,]+)/.exec(message)?.[1] : undefined;
  if (words !== undefined) return code === undefined ? words : `${words} (${code})`;
  return code ?? (typeof message === 'string' ? message : String(error));
}
