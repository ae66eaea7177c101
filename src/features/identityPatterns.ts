import type { Cohort } from '../model/cohort.js';
import { cohortEncoding } from './_internals/cohortEncoding.js';
import type { EncodedIdentity } from './_internals/encodeIdentity.js';

/** Most patterns per coachee: a bound table keeps this many numbers per coachee (8 bytes each). */
const MAX_PATTERNS = 64;

/** Most column classes: a scan derives one number per class and row before it reads the row's pairs. */
const MAX_CLASSES = 1024;

/**
 * A pair's standings on a few categorical or text identity attributes as one small integer,
 * the pair's pattern (`Σ standing · place`): what a bound can look up instead of assuming
 * every coach could share or differ on anything. A standing is 0 when the two differ (or the
 * coachee has no value: the attribute then adds nothing), 1 when they share the code, 2 when
 * the coach has no value (the pair skips the attribute).
 *
 * The attributes are chosen so that their codes sort the coaches into few classes: every
 * coach of a class has the same codes, so a row works its patterns out once per class, not
 * once per pair.
 */
export interface IdentityPatterns {
  /** Distinct patterns: the product of the chosen attributes' radices (1 when none is chosen). */
  readonly count: number;
  /** Positions, in `identityShapes` order, of the attributes a pattern reads. */
  readonly attributes: readonly number[];
  /** Each chosen attribute's place value in a pattern. */
  readonly place: readonly number[];
  /** Column classes, and each column's class. */
  readonly classes: number;
  readonly colClass: Int32Array;
  /** Writes into `out[c]` the pattern of `row` with any coach of class c. */
  patternsOfRow(row: number, out: Int32Array): void;
}

/**
 * Chooses the heaviest categorical and text identity attributes whose patterns fit
 * {@link MAX_PATTERNS} (an attribute that every pool coach holds needs 2 standings, one some
 * coach lacks 3) and whose code combinations stay few, and sorts the coaches into classes.
 */
export function identityPatterns(cohort: Cohort): IdentityPatterns {
  const { identity, coaches } = cohortEncoding(cohort);
  const nC = coaches.length;
  const order = identity.map((e, k) => k).sort((a, b) => identity[b]!.declaration.weight - identity[a]!.declaration.weight || a - b);
  const classLimit = Math.min(MAX_CLASSES, Math.max(16, Math.floor(nC / 8)));
  const chosen: { codes: Extract<EncodedIdentity, { kind: 'codes' }>; radix: number; digitCode: Int32Array }[] = [];
  const attributes: number[] = [];
  const place: number[] = [];
  let count = 1;
  let classes = 1;
  for (const k of order) {
    const e = identity[k]!;
    if (e.kind !== 'codes') continue;
    // The codes coaches hold, −1 (none) first when some coach has none.
    const held = [...new Set(e.cols)].sort((a, b) => a - b);
    const radix = held[0]! < 0 ? 3 : 2;
    if (count * radix > MAX_PATTERNS || classes * held.length > classLimit) continue;
    chosen.push({ codes: e, radix, digitCode: Int32Array.from(held) });
    attributes.push(k);
    place.push(count);
    count *= radix;
    classes *= held.length;
  }
  // A column's class: its codes on the chosen attributes as digits, in mixed radix.
  const colClass = new Int32Array(nC);
  const classPlace: number[] = [];
  let unit = 1;
  for (const { codes, digitCode } of chosen) {
    const digitOf = new Map(Array.from(digitCode, (code, d) => [code, d]));
    for (let j = 0; j < nC; j++) colClass[j]! += digitOf.get(codes.cols[j]!)! * unit;
    classPlace.push(unit);
    unit *= digitCode.length;
  }
  return {
    count,
    attributes,
    place,
    classes,
    colClass,
    patternsOfRow(row, out) {
      out.fill(0, 0, classes);
      chosen.forEach(({ codes, digitCode }, q) => {
        const a = codes.rows[row]!;
        if (a < 0) return; // no value: the attribute adds nothing, any standing will do
        const unitOf = classPlace[q]!;
        const standingPlace = place[q]!;
        const values = digitCode.length;
        for (let c = 0; c < classes; c++) {
          const code = digitCode[Math.floor(c / unitOf) % values]!;
          out[c]! += code === a ? standingPlace : code < 0 ? 2 * standingPlace : 0;
        }
      });
    },
  };
}
