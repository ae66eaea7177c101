import { Matrix } from 'ml-matrix';
import type { Cohort } from '../model/cohort.js';
import { commonGround } from './commonGround.js';
import type { FeatureTables } from './featureTables.js';
import { identityWeightScale } from './identityWeightScale.js';
import { supportFit } from './supportFit.js';
import { encodeIdentity, popcount, type EncodedIdentity } from './_internals/encodeIdentity.js';
import { encodeProfession, type EncodedProfession } from './_internals/encodeProfession.js';

function toMatrix(flat: Float64Array, rows: number, cols: number): Matrix {
  const m = new Matrix(rows, cols);
  for (let i = 0; i < rows; i++) m.setRow(i, flat.subarray(i * cols, (i + 1) * cols));
  return m;
}

/**
 * Computes every feature of a parsed cohort at once, on typed arrays: the pairwise matrices
 * (rows = coachees in canonical order, columns = active coaches), insiderness per coachee and
 * rarity per coach. Each entry equals what the per-pair function gives ({@link aspirationFit},
 * {@link supportFit}, {@link commonGround}, {@link difference}, {@link sharedRarity},
 * {@link insiderness}, {@link rarity}); the tables exist for speed (2,000 × 400 in well under
 * a second): attribute values become integer codes, bitsets and number arrays once, so the
 * pairwise loops touch no objects.
 *
 * @example
 * ```ts
 * const t = buildFeatureTables(parseCohort(json));
 * t.aspiration.get(0, 3); // fit of the first coachee with the fourth active coach
 * ```
 */
export function buildFeatureTables(cohort: Cohort): FeatureTables {
  const coachees = cohort.coachees;
  const coaches = cohort.coaches.filter((c) => c.active);
  const nR = coachees.length;
  const nC = coaches.length;
  const size = nR * nC;

  const aspiration = aspirationTable(
    cohort.attributes
      .filter((d) => d.role === 'profession')
      .map((d) => encodeProfession(d, coachees.map((c) => c.aspiration), coaches.map((c) => c.attributes))),
    nR,
    nC,
  );

  const support = new Float64Array(size);
  for (let i = 0; i < nR; i++) {
    const needs = coachees[i]!.needs;
    for (let j = 0; j < nC; j++) support[i * nC + j] = supportFit(needs, coaches[j]!.support);
  }

  const identity = cohort.attributes
    .filter((d) => d.role === 'identity' && d.weight > 0)
    .map((d) => encodeIdentity(d, coachees, coaches));
  const scale = identityWeightScale(cohort.attributes);
  const units = new Float64Array(size);
  const diffSum = new Float64Array(size);
  const diffWeight = new Float64Array(size);
  const sharedRarity = new Float64Array(size);
  const insiderSum = new Float64Array(nR);
  const insiderWeight = new Float64Array(nR);
  const coachRarity = new Float64Array(nC);
  const rowShared = new Int32Array(nR);
  for (const e of identity) {
    rowShared.fill(0);
    const w = e.declaration.weight;
    const scaled = w / scale;
    pairLoop(e, nR, nC, w, scaled, units, diffSum, diffWeight, sharedRarity, rowShared);
    const { mode, rowHas } = poolStats(e, nC, scaled, coachRarity);
    if (mode === 0) continue;
    for (let i = 0; i < nR; i++) {
      if (!rowHas(i)) continue;
      insiderSum[i]! += w * Math.min(1, rowShared[i]! / nC / mode);
      insiderWeight[i]! += w;
    }
  }

  // In place: units become common ground, weighted sums become the mean difference.
  const cg = units;
  const diff = diffSum;
  for (let p = 0; p < size; p++) {
    const u = units[p]!;
    if (u > 0) cg[p] = 1 - Math.pow(2, -u);
    const dw = diffWeight[p]!;
    diff[p] = dw > 0 ? diffSum[p]! / dw : 0;
  }
  const insiderness = new Float64Array(nR);
  for (let i = 0; i < nR; i++) insiderness[i] = insiderWeight[i]! > 0 ? insiderSum[i]! / insiderWeight[i]! : 0;

  return {
    coacheeIds: coachees.map((c) => c.id),
    coachIds: coaches.map((c) => c.id),
    coachees,
    coaches,
    attributes: cohort.attributes,
    aspiration: toMatrix(aspiration, nR, nC),
    support: toMatrix(support, nR, nC),
    commonGround: toMatrix(cg, nR, nC),
    difference: toMatrix(diff, nR, nC),
    sharedRarity: toMatrix(sharedRarity, nR, nC),
    insiderness,
    coachRarity,
    sharedGround: (row, col) => commonGround(coachees[row]!, coaches[col]!, cohort.attributes).shared,
  };
}

function aspirationTable(encoded: readonly EncodedProfession[], nR: number, nC: number): Float64Array {
  const out = new Float64Array(nR * nC);
  for (const e of encoded) {
    if (e.kind === 'numeric') {
      for (let i = 0; i < nR; i++) {
        const a = e.rows[i]!;
        if (Number.isNaN(a)) continue;
        for (let j = 0; j < nC; j++) {
          const b = e.cols[j]!;
          if (Number.isNaN(b)) continue;
          const sim = e.span > 0 ? Math.min(1, Math.max(0, 1 - Math.abs(a - b) / e.span)) : a === b ? 1 : 0;
          const p = i * nC + j;
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
      for (let j = 0; j < nC; j++) {
        const c0 = cols.offsets[j]!;
        const c1 = cols.offsets[j + 1]!;
        let best = 0;
        for (let a = r0; a < r1; a++) {
          const base = rows.codes[a]! * size;
          for (let b = c0; b < c1; b++) best = Math.max(best, similarity[base + cols.codes[b]!]!);
        }
        const p = i * nC + j;
        out[p] = Math.max(out[p]!, e.credit * best);
      }
    }
  }
  return out;
}

/** Accumulates one identity attribute into the pairwise sums. */
function pairLoop(
  e: EncodedIdentity,
  nR: number,
  nC: number,
  w: number,
  scaled: number,
  units: Float64Array,
  diffSum: Float64Array,
  diffWeight: Float64Array,
  sharedRarity: Float64Array,
  rowShared: Int32Array,
): void {
  if (e.kind === 'codes') {
    const { rows, cols, colCount } = e;
    for (let i = 0; i < nR; i++) {
      const a = rows[i]!;
      if (a < 0) continue;
      const rare = scaled * (1 - colCount[a]! / nC);
      for (let j = 0; j < nC; j++) {
        const b = cols[j]!;
        if (b < 0) continue;
        const p = i * nC + j;
        diffWeight[p]! += w;
        if (a === b) {
          units[p]! += w;
          rowShared[i]!++;
          if (rare > sharedRarity[p]!) sharedRarity[p] = rare;
        } else {
          diffSum[p]! += w;
        }
      }
    }
  } else if (e.kind === 'numeric') {
    const { rows, cols, colShare } = e;
    const { scale, sharedWithin } = e.declaration;
    const span = scale.max - scale.min;
    for (let i = 0; i < nR; i++) {
      const a = rows[i]!;
      if (Number.isNaN(a)) continue;
      for (let j = 0; j < nC; j++) {
        const b = cols[j]!;
        if (Number.isNaN(b)) continue;
        const p = i * nC + j;
        const d = Math.abs(a - b);
        const closeness = span > 0 ? Math.min(1, Math.max(0, 1 - d / span)) : a === b ? 1 : 0;
        diffWeight[p]! += w;
        diffSum[p]! += w * (1 - closeness);
        if (d <= sharedWithin) {
          units[p]! += w;
          rowShared[i]!++;
          const rare = scaled * (1 - colShare[j]!);
          if (rare > sharedRarity[p]!) sharedRarity[p] = rare;
        }
      }
    }
  } else {
    const { rows, cols, rowHas, colHas, colCount, words } = e;
    for (let i = 0; i < nR; i++) {
      if (rowHas[i] === 0) continue;
      for (let j = 0; j < nC; j++) {
        if (colHas[j] === 0) continue;
        const p = i * nC + j;
        let inter = 0;
        let union = 0;
        let rarest = 0;
        for (let k = 0; k < words; k++) {
          const x = rows[i * words + k]!;
          const y = cols[j * words + k]!;
          let both = x & y;
          inter += popcount(both);
          union += popcount(x | y);
          while (both !== 0) {
            const low = both & -both;
            const r = 1 - colCount[k * 32 + (31 - Math.clz32(low))]! / nC;
            if (r > rarest) rarest = r;
            both ^= low;
          }
        }
        diffWeight[p]! += w;
        diffSum[p]! += w * (1 - inter / union);
        if (inter > 0) {
          units[p]! += w;
          rowShared[i]!++;
          const rare = scaled * rarest;
          if (rare > sharedRarity[p]!) sharedRarity[p] = rare;
        }
      }
    }
  }
}

/**
 * Pool statistics of one identity attribute: the share of the pool's most common value
 * (insiderness's reference) and each coach's rarity (folded into `coachRarity`).
 */
function poolStats(
  e: EncodedIdentity,
  nC: number,
  scaled: number,
  coachRarity: Float64Array,
): { mode: number; rowHas: (i: number) => boolean } {
  let mode = 0;
  if (e.kind === 'codes') {
    for (let j = 0; j < nC; j++) {
      const c = e.cols[j]!;
      if (c < 0) continue;
      const share = e.colCount[c]! / nC;
      if (share > mode) mode = share;
      coachRarity[j] = Math.max(coachRarity[j]!, scaled * (1 - share));
    }
    return { mode, rowHas: (i) => e.rows[i]! >= 0 };
  }
  if (e.kind === 'numeric') {
    for (let j = 0; j < nC; j++) {
      if (Number.isNaN(e.cols[j]!)) continue;
      const share = e.colShare[j]!;
      if (share > mode) mode = share;
      coachRarity[j] = Math.max(coachRarity[j]!, scaled * (1 - share));
    }
    return { mode, rowHas: (i) => !Number.isNaN(e.rows[i]!) };
  }
  for (let j = 0; j < nC; j++) {
    if (e.colHas[j] === 0) continue;
    if (e.colShare[j]! > mode) mode = e.colShare[j]!;
    let rarest = 0;
    for (let k = 0; k < e.words; k++) {
      let x = e.cols[j * e.words + k]!;
      while (x !== 0) {
        const low = x & -x;
        rarest = Math.max(rarest, 1 - e.colCount[k * 32 + (31 - Math.clz32(low))]! / nC);
        x ^= low;
      }
    }
    coachRarity[j] = Math.max(coachRarity[j]!, scaled * rarest);
  }
  return { mode, rowHas: (i) => e.rowHas[i] === 1 };
}
