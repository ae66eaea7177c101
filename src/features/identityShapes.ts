import type { Cohort } from '../model/cohort.js';
import { cohortEncoding } from './_internals/cohortEncoding.js';
import { popcount, type EncodedIdentity } from './_internals/encodeIdentity.js';

/**
 * What any coach could at most add to a coachee's identity features, per weighted identity
 * attribute: the input of an upper bound on a pair's identity terms that never looks at the
 * pair. Row-major `rows × attributes`; a weight of 0 means the coachee has no value there (the
 * attribute then adds nothing to any pair).
 */
export interface IdentityShapes {
  readonly rows: number;
  readonly attributes: number;
  /** The attribute's weight where the coachee has a value, else 0. */
  readonly weight: Float64Array;
  /** Largest share of the weight that still counts as difference when the pair shares the attribute. */
  readonly sharedDifference: Float64Array;
  /** Largest shared rarity (scaled as in `sharedRarity`) the attribute can give this coachee. */
  readonly rarity: Float64Array;
  /** 1 when some pool coach has no value for the attribute (the pair then skips it). */
  readonly coachMayMiss: Uint8Array;
}

/** Builds the {@link IdentityShapes} of a cohort in O((coachees + coaches) · attributes). */
export function identityShapes(cohort: Cohort): IdentityShapes {
  // The encodings the feature tables use, built once per cohort.
  const { coachees, coaches, identity: encoded, scale } = cohortEncoding(cohort);
  const nR = coachees.length;
  const nC = coaches.length;
  const n = encoded.length;
  const weight = new Float64Array(nR * n);
  const sharedDifference = new Float64Array(nR * n);
  const rarity = new Float64Array(nR * n);
  const coachMayMiss = new Uint8Array(n);
  encoded.forEach((e, k) => {
    const w = e.declaration.weight;
    const scaled = w / scale;
    const shape = attributeShape(e, nC);
    coachMayMiss[k] = shape.mayMiss ? 1 : 0;
    for (let i = 0; i < nR; i++) {
      if (!shape.rowHas(i)) continue;
      weight[i * n + k] = w;
      sharedDifference[i * n + k] = shape.sharedDifference(i);
      rarity[i * n + k] = scaled * shape.rarity(i);
    }
  });
  return { rows: nR, attributes: n, weight, sharedDifference, rarity, coachMayMiss };
}

interface AttributeShape {
  readonly mayMiss: boolean;
  rowHas(i: number): boolean;
  sharedDifference(i: number): number;
  rarity(i: number): number;
}

function attributeShape(e: EncodedIdentity, nC: number): AttributeShape {
  if (e.kind === 'codes') {
    return {
      mayMiss: e.cols.some((c) => c < 0),
      rowHas: (i) => e.rows[i]! >= 0,
      sharedDifference: () => 0, // sharing a code is full closeness
      rarity: (i) => 1 - e.colCount[e.rows[i]!]! / nC,
    };
  }
  if (e.kind === 'numeric') {
    const { scale, sharedWithin } = e.declaration;
    const span = scale.max - scale.min;
    let leastShare = 1;
    for (let j = 0; j < nC; j++) if (!Number.isNaN(e.cols[j]!)) leastShare = Math.min(leastShare, e.colShare[j]!);
    const within = span > 0 ? Math.min(1, sharedWithin / span) : sharedWithin > 0 ? 1 : 0;
    return {
      mayMiss: e.cols.some((v) => Number.isNaN(v)),
      rowHas: (i) => !Number.isNaN(e.rows[i]!),
      sharedDifference: () => within,
      rarity: () => 1 - leastShare,
    };
  }
  const { words, rows, cols, colCount } = e;
  let largestCoachSet = 0;
  for (let j = 0; j < nC; j++) {
    let size = 0;
    for (let w = 0; w < words; w++) size += popcount(cols[j * words + w]!);
    largestCoachSet = Math.max(largestCoachSet, size);
  }
  const rowSize = (i: number) => {
    let size = 0;
    for (let w = 0; w < words; w++) size += popcount(rows[i * words + w]!);
    return size;
  };
  return {
    mayMiss: e.colHas.some((h) => h === 0),
    rowHas: (i) => e.rowHas[i] === 1,
    // One shared element in the largest possible union.
    sharedDifference: (i) => 1 - 1 / Math.max(1, rowSize(i) + largestCoachSet - 1),
    rarity: (i) => {
      let best = 0;
      for (let w = 0; w < words; w++) {
        let x = rows[i * words + w]!;
        while (x !== 0) {
          const low = x & -x;
          best = Math.max(best, 1 - colCount[w * 32 + (31 - Math.clz32(low))]! / nC);
          x ^= low;
        }
      }
      return best;
    },
  };
}
