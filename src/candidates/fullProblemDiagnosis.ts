import { competingRows, LIST_LIMIT } from '../solver/diagnose.js';
import type { Diagnosis } from '../solver/types.js';

/**
 * Why the full problem cannot place every coachee, from what the candidate path knows of every
 * pair: coachees whom the bans leave no coach with places, total capacity short, or places that
 * the bans keep out of every placeable coachee's reach (`reach[j]`: coach j's places that some
 * placeable coachee may take), or the region a placement check proved (`region`, see
 * checkPlacement): coachees whose every allowed coach is in it, full. A Hall group found on
 * the candidate pairs alone would name coaches the coachees could go to outside the
 * candidates, so no other is given here.
 */
export function fullProblemDiagnosis(canPlace: Uint8Array, capacity: Int32Array, reach: Int32Array, region: { readonly rows: readonly number[]; readonly cols: readonly number[] } | null = null): Diagnosis[] {
  const rows = canPlace.length;
  const out: Diagnosis[] = [];
  const lonely: number[] = [];
  for (let i = 0; i < rows; i++) if (canPlace[i] === 0) lonely.push(i);
  if (lonely.length > 0) out.push({ kind: 'rowWithoutCandidates', rows: lonely.slice(0, LIST_LIMIT), rowCount: lonely.length, message: `${lonely.length} row(s) have no allowed column with places` });
  const total = capacity.reduce((a, b) => a + b, 0);
  if (total < rows) out.push({ kind: 'capacityShort', shortBy: rows - total, message: `total capacity ${total} is ${rows - total} short of the ${rows} rows to place` });
  if (out.length > 0) return out;
  // The whole region, not its parts: a coachee's allowed pairs outside the candidates may join two of them.
  if (region !== null && region.rows.length > 0) return [competingRows(region, capacity)];
  const within = reach.reduce((a, b) => a + b, 0);
  const cols: number[] = [];
  for (let j = 0; j < capacity.length; j++) if (reach[j]! < capacity[j]!) cols.push(j);
  out.push({ kind: 'placesOutOfReach', cols: cols.slice(0, LIST_LIMIT), colCount: cols.length, shortBy: rows - within, message: `${cols.length} column(s) have places no placeable row may take: ${within} place(s) within reach for ${rows} rows` });
  return out;
}
