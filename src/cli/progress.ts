/** Where {@link createProgress} writes: `process.stderr` by default. */
export interface ProgressStream {
  readonly isTTY?: boolean;
  write(text: string): unknown;
}

/** Options of {@link createProgress}; defaults in {@link defaultProgressOptions}. */
export interface ProgressOptions {
  readonly stream: ProgressStream;
  /** Show progress at all; default: only when the stream is a terminal (silent when piped or redirected). */
  readonly enabled: boolean | undefined;
  /** At most one redraw per interval. */
  readonly intervalMs: number;
  readonly now: () => number;
}

/** Defaults for {@link createProgress}. */
export const defaultProgressOptions: ProgressOptions = {
  stream: process.stderr,
  enabled: undefined,
  intervalMs: 100,
  now: () => performance.now(),
};

/** A progress line for one long-running task. */
export interface Progress {
  /** `done` units out of `total` (given here or at creation) are finished; redraws at most every `intervalMs`. */
  update(done: number, total?: number): void;
  /** Erases the line, so whatever the command prints next starts clean. Call it in a `finally`. */
  finish(): void;
}

const clearLine = '\r\x1b[2K';

/**
 * A one-line progress reporter on stderr for long CLI runs (large cohorts, scenario sweeps):
 * `label  37% (370/1000)  2.1 s`. It writes only when stderr is a terminal and stays silent
 * when piped, so scripts and `--out` files never see it; stdout is never touched.
 *
 * @remarks
 * The core stays free of I/O: a command creates the reporter and hands `update` down as a
 * plain callback (`onProgress?: (done, total) => void` in the options of the loop it drives),
 * or calls it between steps it runs itself.
 *
 * @example
 * ```ts
 * const progress = createProgress('scenarios', { total: scenarios.length });
 * try {
 *   scenarios.forEach((scenario, i) => { results.push(run(scenario)); progress.update(i + 1); });
 * } finally {
 *   progress.finish();
 * }
 * ```
 */
export function createProgress(label: string, options: Partial<ProgressOptions> & { total?: number } = {}): Progress {
  const settings = { ...defaultProgressOptions, ...options };
  const enabled = settings.enabled ?? (settings.stream.isTTY === true && process.env.TERM !== 'dumb');
  const startedAt = settings.now();
  let total = options.total;
  let lastDraw = -Infinity;
  let drawn = false;
  return {
    update(done, newTotal) {
      if (newTotal !== undefined) total = newTotal;
      if (!enabled) return;
      const now = settings.now();
      const complete = total !== undefined && done >= total;
      if (now - lastDraw < settings.intervalMs && !complete) return;
      lastDraw = now;
      const seconds = ((now - startedAt) / 1000).toFixed(1);
      const amount =
        total === undefined || total <= 0 ? `${done}` : `${Math.min(100, Math.floor((100 * done) / total)).toString().padStart(3)}% (${done}/${total})`;
      settings.stream.write(`${clearLine}${label}  ${amount}  ${seconds} s`);
      drawn = true;
    },
    finish() {
      if (drawn) settings.stream.write(clearLine);
      drawn = false;
    },
  };
}
