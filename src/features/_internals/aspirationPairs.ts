import type { PairSet } from '../pairSet.js';
import type { EncodedProfession } from './encodeProfession.js';

/** Aspiration fit of every pair of `pairs`: the best credited similarity over the profession attributes. */
export function aspirationPairs(encoded: readonly EncodedProfession[], pairs: PairSet): Float64Array {
  const { rows: nR, rowStart, colIndex } = pairs;
  const out = new Float64Array(pairs.size);
  for (const e of encoded) {
    if (e.kind === 'numeric') {
      for (let i = 0; i < nR; i++) {
        const a = e.rows[i]!;
        if (Number.isNaN(a)) continue;
        for (let p = rowStart[i]!; p < rowStart[i + 1]!; p++) {
          const b = e.cols[colIndex[p]!]!;
          if (Number.isNaN(b)) continue;
          const sim = e.span > 0 ? Math.min(1, Math.max(0, 1 - Math.abs(a - b) / e.span)) : a === b ? 1 : 0;
          out[p] = Math.max(out[p]!, e.credit * sim);
        }
      }
      continue;
    }
    const { rows, cols, similarity, size } = e;
    for (let i = 0; i < nR; i++) {
      const r0 = rows.offsets[i]!;
      const r1 = rows.offsets[i + 1]!;
      if (r0 === r1) continue;
      for (let p = rowStart[i]!; p < rowStart[i + 1]!; p++) {
        const j = colIndex[p]!;
        const c0 = cols.offsets[j]!;
        const c1 = cols.offsets[j + 1]!;
        let best = 0;
        for (let a = r0; a < r1; a++) {
          const base = rows.codes[a]! * size;
          for (let b = c0; b < c1; b++) best = Math.max(best, similarity[base + cols.codes[b]!]!);
        }
        out[p] = Math.max(out[p]!, e.credit * best);
      }
    }
  }
  return out;
}
