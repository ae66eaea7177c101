import { CoachmatchError } from '../../src/errors.js';

/** What a library call did with hostile input: returned a value, or threw the library's own error. */
export type Outcome<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: CoachmatchError };

/**
 * Runs `run` and classifies the outcome. Any throw other than a {@link CoachmatchError} with
 * at least a kind and a message is rethrown, wrapped with `context`, so the property fails:
 * hostile input must give a value or a clear error, never a crash.
 *
 * @example
 * ```ts
 * const outcome = outcomeOf(() => parseCohort(doc), JSON.stringify(doc));
 * if (!outcome.ok) expect(outcome.error.kind).toBe('invalidCohort');
 * ```
 */
export function outcomeOf<T>(run: () => T, context = ''): Outcome<T> {
  try {
    return { ok: true, value: run() };
  } catch (error) {
    if (error instanceof CoachmatchError && error.message.length > 0) return { ok: false, error };
    const what = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    throw new Error(`not a CoachmatchError: ${what}${context === '' ? '' : `\n  input: ${context.slice(0, 2000)}`}`, { cause: error });
  }
}
