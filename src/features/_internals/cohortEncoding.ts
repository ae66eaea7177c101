import type { Cohort } from '../../model/cohort.js';
import { identityWeightScale } from '../identityWeightScale.js';
import { encodeIdentity, type EncodedIdentity } from './encodeIdentity.js';
import { encodeProfession, type EncodedProfession } from './encodeProfession.js';
import { isSettledCohort } from '../../model/isSettledCohort.js';

/** What every pair set of a cohort shares: codes, bitsets, and the per-person features. */
export interface CohortEncoding {
  readonly coachees: Cohort['coachees'];
  readonly coaches: Cohort['coaches'];
  readonly coacheeIds: readonly string[];
  readonly coachIds: readonly string[];
  readonly professions: readonly EncodedProfession[];
  readonly identity: readonly EncodedIdentity[];
  readonly scale: number;
  readonly insiderness: Float64Array;
  readonly coachRarity: Float64Array;
}

/**
 * Cached per cohort (parsed cohorts are immutable): a large cohort evaluates its pairs in
 * many chunks, and encoding 100,000 people each time would cost more than the pairs.
 */
const encodings = new WeakMap<Cohort, CohortEncoding>();

export function cohortEncoding(cohort: Cohort): CohortEncoding {
  // Cached only for a cohort that cannot change (see isSettledCohort).
  const settled = isSettledCohort(cohort);
  const known = settled ? encodings.get(cohort) : undefined;
  if (known !== undefined) return known;
  const coachees = cohort.coachees;
  const coaches = cohort.coaches.filter((c) => c.active);
  const nR = coachees.length;
  const nC = coaches.length;
  const professions = cohort.attributes
    .filter((d) => d.role === 'profession')
    .map((d) => encodeProfession(d, coachees.map((c) => c.aspiration), coaches.map((c) => c.attributes)));
  const identity = cohort.attributes
    .filter((d) => d.role === 'identity' && d.weight > 0)
    .map((d) => encodeIdentity(d, coachees, coaches));
  const scale = identityWeightScale(cohort.attributes);
  const insiderSum = new Float64Array(nR);
  const insiderWeight = new Float64Array(nR);
  const coachRarity = new Float64Array(nC);
  for (const e of identity) {
    const w = e.declaration.weight;
    const { mode, rowHas } = poolStats(e, nC, w / scale, coachRarity);
    if (mode === 0) continue;
    for (let i = 0; i < nR; i++) {
      if (!rowHas(i)) continue;
      insiderSum[i]! += w * Math.min(1, e.rowSharing[i]! / nC / mode);
      insiderWeight[i]! += w;
    }
  }
  const insiderness = new Float64Array(nR);
  for (let i = 0; i < nR; i++) insiderness[i] = insiderWeight[i]! > 0 ? insiderSum[i]! / insiderWeight[i]! : 0;
  const coacheeIds = coachees.map((c) => c.id);
  const coachIds = coaches.map((c) => c.id);
  const encoding = { coachees, coaches, coacheeIds, coachIds, professions, identity, scale, insiderness, coachRarity };
  if (settled) encodings.set(cohort, encoding);
  return encoding;
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
