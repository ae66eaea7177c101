/** A job that never finishes on its own: only terminating its worker stops it. */
export function spinJob(): never {
  for (;;) {
    // Busy, like a long synchronous solve.
  }
}
