import { hasException } from './kindExceptions.js';
import type { BuiltProblem, NearKindsProblem } from './solveNearKinds.js';

/**
 * Each coachee's coach (−1: unmatched) from a solved near-kinds problem (see solveNearKinds): a
 * lone coachee the coach its own source ships to, if any; each pool's places (its coaches in
 * order, as many times as the pool ships there) to the pool's coachees: first those with
 * exceptions, in row order, each the first place left outside its exceptions; then the plain
 * ones, in row order, the places left in order, until none is left (with places short, the
 * last go unmatched). `stranded`: the pooled coachees with exceptions that found no place
 * outside them while a place of their pool was left (the assignment is then incomplete).
 */
export function kindPlaces({ kinds, exceptions }: NearKindsProblem, built: BuiltProblem, flow: Int32Array, lone: Uint8Array): { assignment: number[]; stranded: number[] } {
  const rows = kinds.kindOf.length;
  const { rowStart, colIndex } = built.problem;
  const assignment = new Array<number>(rows).fill(-1);
  const withExceptions: number[][] = Array.from({ length: kinds.size.length }, () => []);
  const plain: number[][] = Array.from({ length: kinds.size.length }, () => []);
  for (let i = 0; i < rows; i++) {
    if (lone[i] === 1) {
      const s = built.sourceOf(i);
      for (let p = rowStart[s]!; p < rowStart[s + 1]!; p++) if (flow[p]! > 0) assignment[i] = colIndex[p]!;
    } else (kinds.plain[i] === 1 ? plain : withExceptions)[kinds.kindOf[i]!]!.push(i);
  }
  const stranded: number[] = [];
  for (let g = 0; g < kinds.size.length; g++) {
    const s = built.poolSource[g]!;
    if (s < 0) continue;
    const places: number[] = [];
    for (let p = rowStart[s]!; p < rowStart[s + 1]!; p++) for (let u = 0; u < flow[p]!; u++) places.push(colIndex[p]!);
    const taken = new Uint8Array(places.length);
    let firstFree = 0;
    const advance = () => {
      while (firstFree < places.length && taken[firstFree] === 1) firstFree++;
    };
    const placeless: number[] = [];
    for (const i of withExceptions[g]!) {
      let q = firstFree;
      while (q < places.length && (taken[q] === 1 || hasException(exceptions, i, places[q]!))) q++;
      if (q === places.length) {
        placeless.push(i);
        continue;
      }
      taken[q] = 1;
      assignment[i] = places[q]!;
      advance();
    }
    for (const i of plain[g]!) {
      if (firstFree === places.length) break;
      assignment[i] = places[firstFree]!;
      taken[firstFree] = 1;
      advance();
    }
    // A place left over needs the coachees that found none: they are stranded. Otherwise every
    // place is taken and they stay unmatched, as any of the pool's coachees could.
    if (firstFree < places.length) stranded.push(...placeless);
  }
  return { assignment, stranded };
}
