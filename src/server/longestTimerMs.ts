/**
 * The longest delay Node's timers keep: beyond 2^31 − 1 ms (about 24.8 days) setTimeout
 * overflows to 1 ms, so a time limit above it would stop every computation at once.
 */
export const longestTimerMs = 2 ** 31 - 1;
