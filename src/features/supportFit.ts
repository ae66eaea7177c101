import type { SupportProfile } from '../model/supportProfileSchema.js';
import { supportKinds } from '../model/supportKinds.js';

/** Width of the 1–5 questionnaire scale. */
const SPAN = 4;

/**
 * How well a coach's support offer covers a coachee's needs, in [0, 1].
 *
 * Each kind's shortfall is max(0, need − offer) / 4 (offering more than needed is no fault:
 * a good coach shifts focus). The base fit is 1 − the need-weighted mean shortfall, so the
 * kinds the coachee needs most count most. Socio-emotional support is a floor: the base is
 * multiplied by max(0, 1 − 2 × socio-emotional shortfall), so one point short halves the fit
 * and two points short make it 0 — the other kinds hardly work without it (domain notes).
 *
 * @remarks Never decreases when the offer rises. 1 when the offer meets every need.
 *
 * @example
 * ```ts
 * const needs = { socioEmotional: 4, network: 2, autonomy: 3, career: 5 };
 * supportFit(needs, { socioEmotional: 4, network: 3, autonomy: 3, career: 5 }); // 1
 * supportFit(needs, { socioEmotional: 3, network: 5, autonomy: 5, career: 5 }); // ≈ 0.46
 * ```
 */
export function supportFit(needs: SupportProfile, offer: SupportProfile): number {
  let weighted = 0;
  let total = 0;
  for (const kind of supportKinds) {
    const need = needs[kind];
    weighted += need * (Math.max(0, need - offer[kind]) / SPAN);
    total += need;
  }
  const base = total > 0 ? 1 - weighted / total : 1;
  const socioShortfall = Math.max(0, needs.socioEmotional - offer.socioEmotional) / SPAN;
  return Math.max(0, base) * Math.max(0, 1 - 2 * socioShortfall);
}
