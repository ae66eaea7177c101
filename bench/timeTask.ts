import { Bench } from 'tinybench';

/** Latency of one timed implementation, in milliseconds. */
export interface Timing {
  readonly medianMs: number;
  readonly meanMs: number;
  /** Fastest run: the least disturbed by other load on a shared machine. */
  readonly minMs: number;
  readonly samples: number;
}

/** How much to time a task in total, split over rounds by {@link timeRound}. */
export interface TimingPlan {
  /** Minimum total time budget, ms. */
  readonly time: number;
  /** Minimum total number of timed runs. */
  readonly iterations: number;
  /** Rounds the runs are split into; the caller interleaves implementations between rounds. */
  readonly rounds: number;
  /** Untimed runs at the start of each round, after its full GC. */
  readonly warmupIterations: number;
  /** Full GC before every timed run instead (slow tasks only: keeps memory bounded). */
  readonly gcEach: boolean;
}

/**
 * How long to time a task, chosen from how long one untimed run took (`firstRunMs`).
 *
 * @remarks
 * A forced full GC makes the next run of an allocating solver up to 2× slower (V8 gives
 * memory back and must fault it in again; measured on the capacitated case: 19 → 45 ms),
 * so tasks up to a second get a GC only at the start of each round, followed by untimed
 * warm-up runs. Slower tasks (> 1 s; the LP solver allocates gigabytes) get a GC before
 * every run, where that effect is small next to the run.
 */
export function timingPlan(firstRunMs: number): TimingPlan {
  if (firstRunMs > 3000) return { time: 0, iterations: 2, rounds: 2, warmupIterations: 0, gcEach: true };
  if (firstRunMs > 1000) return { time: 0, iterations: 3, rounds: 3, warmupIterations: 0, gcEach: true };
  if (firstRunMs > 100) return { time: 0, iterations: 6, rounds: 3, warmupIterations: 1, gcEach: false };
  return { time: 1200, iterations: 12, rounds: 3, warmupIterations: 3, gcEach: false };
}

/**
 * One round of a {@link TimingPlan} under tinybench (`runSync`): a full GC, the warm-up
 * runs, then `1/rounds` of the budget and runs. Returns the latency samples in ms.
 */
export function timeRound(name: string, fn: () => unknown, plan: TimingPlan): number[] {
  const gc = (globalThis as { gc?: () => void }).gc;
  const warmup = plan.warmupIterations > 0;
  const bench = new Bench({
    name,
    time: plan.time / plan.rounds,
    iterations: Math.max(1, Math.ceil(plan.iterations / plan.rounds)),
    warmup,
    warmupTime: 0,
    warmupIterations: plan.warmupIterations,
    retainSamples: true,
    throws: true,
  });
  bench.add(name, () => void fn(), {
    // beforeAll runs before the warm-up phase and again before the timed phase.
    beforeAll: (mode) => {
      if (!warmup || mode === 'warmup') gc?.();
    },
    ...(plan.gcEach && gc !== undefined ? { beforeEach: (mode) => void (mode === 'run' && gc()) } : {}),
  });
  const [task] = bench.runSync();
  const result = task?.result;
  if (result === undefined || result.state !== 'completed') throw new Error(`${name}: tinybench did not complete (${result?.state})`);
  return [...(result.latency.samples ?? [])];
}

/** Median, mean and minimum of pooled samples. */
export function summarize(samples: readonly number[]): Timing {
  const sorted = [...samples].sort((a, b) => a - b);
  const n = sorted.length;
  if (n === 0) throw new Error('no samples');
  const mid = Math.floor(n / 2);
  const medianMs = n % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return { medianMs, meanMs: sorted.reduce((s, x) => s + x, 0) / n, minMs: sorted[0]!, samples: n };
}
