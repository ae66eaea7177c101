import { Matrix } from 'ml-matrix';
import { CoachmatchError } from '../errors.js';
import type { Cohort } from '../model/cohort.js';
import { commonGround } from './commonGround.js';
import type { FeatureTables, PairTable } from './featureTables.js';
import { identityWeightScale } from './identityWeightScale.js';
import { fullPairSet, type PairSet } from './pairSet.js';
import { supportFit } from './supportFit.js';
import { aspirationPairs } from './_internals/aspirationPairs.js';
import { encodeIdentity, type EncodedIdentity } from './_internals/encodeIdentity.js';
import { encodeProfession, type EncodedProfession } from './_internals/encodeProfession.js';
import { addIdentityPairs } from './_internals/identityPairs.js';

/**
 * Computes every feature of a parsed cohort at once, on typed arrays: the pairwise values
 * (rows = coachees in canonical order, columns = active coaches) for the pairs of `pairs`
 * (default: all of them), insiderness per coachee and rarity per coach (always against the
 * whole pool). Each entry equals what the per-pair function gives ({@link aspirationFit},
 * {@link supportFit}, {@link commonGround}, {@link difference}, {@link sharedRarity},
 * {@link insiderness}, {@link rarity}); the tables exist for speed (2,000 × 400 in well under
 * a second): attribute values become integer codes, bitsets and number arrays once, so the
 * pairwise loops touch no objects. A large cohort passes its candidate pairs, so the cost
 * follows the pairs asked for, not rows × cols.
 *
 * @example
 * ```ts
 * const t = buildFeatureTables(parseCohort(json));
 * t.aspiration.get(0, 3); // fit of the first coachee with the fourth active coach
 * ```
 */
export function buildFeatureTables(cohort: Cohort, pairs?: PairSet): FeatureTables {
  const encoding = cohortEncoding(cohort);
  const { coachees, coaches, identity, scale, insiderness, coachRarity } = encoding;
  const nR = coachees.length;
  const nC = coaches.length;
  const set = pairs ?? fullPairSet(nR, nC);
  if (set.rows !== nR || set.cols !== nC) {
    throw new CoachmatchError('internal', `pair set is ${set.rows} × ${set.cols}, the cohort ${nR} × ${nC}`);
  }
  const size = set.size;
  const { rowStart, colIndex } = set;

  const aspiration = aspirationPairs(encoding.professions, set);
  const support = new Float64Array(size);
  for (let i = 0; i < nR; i++) {
    const needs = coachees[i]!.needs;
    for (let p = rowStart[i]!; p < rowStart[i + 1]!; p++) support[p] = supportFit(needs, coaches[colIndex[p]!]!.support);
  }
  const sums = {
    units: new Float64Array(size),
    diffSum: new Float64Array(size),
    diffWeight: new Float64Array(size),
    sharedRarity: new Float64Array(size),
  };
  for (const e of identity) addIdentityPairs(e, set, e.declaration.weight, e.declaration.weight / scale, sums);

  // In place: units become common ground, weighted sums become the mean difference.
  const { units, diffSum, diffWeight, sharedRarity } = sums;
  const cg = units;
  const diff = diffSum;
  for (let p = 0; p < size; p++) {
    const u = units[p]!;
    if (u > 0) cg[p] = 1 - Math.pow(2, -u);
    const dw = diffWeight[p]!;
    diff[p] = dw > 0 ? diffSum[p]! / dw : 0;
  }

  const table = (values: Float64Array): PairTable => (set.full ? toMatrix(values, nR, nC) : sparseTable(set, values));
  return {
    coacheeIds: encoding.coacheeIds,
    coachIds: encoding.coachIds,
    coachees,
    coaches,
    attributes: cohort.attributes,
    pairs: set,
    byPair: { aspiration, support, commonGround: cg, difference: diff, sharedRarity },
    aspiration: table(aspiration),
    support: table(support),
    commonGround: table(cg),
    difference: table(diff),
    sharedRarity: table(sharedRarity),
    insiderness,
    coachRarity,
    sharedGround: (row, col) => commonGround(coachees[row]!, coaches[col]!, cohort.attributes).shared,
  };
}

/** What every pair set of a cohort shares: codes, bitsets, and the per-person features. */
interface CohortEncoding {
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

function cohortEncoding(cohort: Cohort): CohortEncoding {
  const known = encodings.get(cohort);
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
  encodings.set(cohort, encoding);
  return encoding;
}

function toMatrix(flat: Float64Array, rows: number, cols: number): Matrix {
  const m = new Matrix(rows, cols);
  for (let i = 0; i < rows; i++) m.setRow(i, flat.subarray(i * cols, (i + 1) * cols));
  return m;
}

function sparseTable(pairs: PairSet, values: Float64Array): PairTable {
  return {
    get(row, col) {
      const p = pairs.indexOf(row, col);
      if (p < 0) throw new CoachmatchError('internal', `pair (${row}, ${col}) is not among the candidate pairs`);
      return values[p]!;
    },
  };
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
