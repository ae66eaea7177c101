/** Equal-width bins of a histogram: bin `i` covers [start + i·width, start + (i+1)·width). */
export interface HistogramBins {
  readonly start: number;
  readonly width: number;
  readonly counts: readonly number[];
}

const steps = [1, 2, 2.5, 5];

/** The smallest "nice" step (1, 2, 2.5 or 5 × a power of ten) at least `raw`. */
function niceStep(raw: number): number {
  const power = 10 ** Math.floor(Math.log10(raw));
  for (const s of steps) if (s * power >= raw * (1 - 1e-9)) return s * power;
  return 10 * power;
}

/**
 * Bins values for a histogram with about `target` bins of a nice width (0.1, 0.2, 0.25, 0.5…),
 * starting at a multiple of the width so the axis labels are round. The largest value falls in
 * the last bin. No values give no bins.
 *
 * @example
 * ```ts
 * histogramBins([1.1, 1.3, 2.4], 4); // { start: 1, width: 0.5, counts: [2, 0, 1] }
 * ```
 */
export function histogramBins(values: readonly number[], target = 10): HistogramBins {
  if (values.length === 0) return { start: 0, width: 1, counts: [] };
  let min = Infinity;
  let max = -Infinity;
  for (const v of values) {
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const width = niceStep(Math.max((max - min) / Math.max(1, target), 0.05));
  const start = Math.floor(min / width + 1e-9) * width;
  const bins = Math.max(1, Math.floor((max - start) / width + 1e-9) + 1);
  const counts = new Array<number>(bins).fill(0);
  for (const v of values) counts[Math.min(bins - 1, Math.floor((v - start) / width + 1e-9))]!++;
  return { start, width, counts };
}
