/** Freezes `value` and everything it reaches, each object once, so a structure that refers back to itself is frozen too. */
export function freezeDeep(value: unknown, seen = new Set<unknown>()): void {
  if (typeof value !== 'object' || value === null || seen.has(value)) return;
  seen.add(value);
  for (const child of Object.values(value)) freezeDeep(child, seen);
  Object.freeze(value);
}
