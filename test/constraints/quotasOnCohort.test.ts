import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { solveWithSideConstraints } from '../../src/constraints/solveWithSideConstraints.js';
import { prepareMatch, toAssignmentProblem } from '../../src/engine/match.js';
import { parseCohort } from '../../src/model/parseCohort.js';
import { coacheeType } from '../../src/policies/coacheeType.js';
import { solveAssignment } from '../../src/solver/solveAssignment.js';

// The three quotas on the bundled alumni cohort (64 coachees × 26 active coaches).
describe('quotas on the alumni-programme cohort', () => {
  const cohort = parseCohort(JSON.parse(readFileSync(new URL('../../fixtures/alumni-programme.json', import.meta.url), 'utf8')));
  const { features, combined, settings } = prepareMatch(cohort);
  const problem = toAssignmentProblem(combined, true);
  const { rows, cols } = combined;
  const pioneers = Array.from({ length: rows }, (_, i) => i).filter((i) => coacheeType(features.insiderness[i]!, settings) === 'pioneer');
  const commonGround = pioneers.flatMap((i) => features.coachIds.flatMap((_, j): [number, number][] => (features.commonGround.get(i, j) > 0 ? [[i, j]] : [])));
  const dualRoles = [...combined.flags].filter(([, list]) => list.some((f) => f.code === 'discloseDualRole')).map(([at]): [number, number] => [Math.floor(at / cols), at % cols]);
  const seniors = features.coaches.flatMap((c, j) => (Number(c.attributes['age']) >= 50 ? [j] : []));
  const pioneerSenior = pioneers.flatMap((i) => seniors.map((j): [number, number] => [i, j]));

  it('meets every pioneer-with-common-ground, dual-role cap and senior-takes-pioneers quota, and prices them', () => {
    const result = solveWithSideConstraints(problem, [
      { name: 'pioneersWithCommonGround', per: 'row', pairs: commonGround, over: pioneers, min: 1 },
      { name: 'noDualRoles', per: 'total', pairs: dualRoles, max: 0 },
      { name: 'seniorsTakeTwoPioneers', per: 'col', pairs: pioneerSenior, over: seniors, min: 2 },
    ]);
    if (result.status !== 'optimal') throw new Error(`expected an optimum: ${JSON.stringify(result)}`);
    expect(result.matched).toBe(rows);
    const chosen = (pairs: [number, number][]) => pairs.filter(([i, j]) => result.assignment[i] === j);
    for (const i of pioneers) expect(chosen(commonGround.filter(([r]) => r === i)).length).toBeGreaterThanOrEqual(1);
    expect(chosen(dualRoles)).toHaveLength(0);
    for (const j of seniors) expect(chosen(pioneerSenior.filter(([, c]) => c === j)).length).toBeGreaterThanOrEqual(2);
    const plain = solveAssignment(problem);
    expect(result.objective).toBeLessThanOrEqual(plain.objective! + 1e-9);
    // Whatever binds must cost something; what does not bind costs nothing.
    for (const q of result.quotas) expect(q.binding).toBe((q.cost ?? 0) > 1e-9 || (q.rowsLost ?? 0) > 0);
  });

  it('names the senior whose quota cannot be met when it exceeds their capacity', () => {
    const small = seniors.find((j) => combined.capacity[j]! < 3)!;
    const result = solveWithSideConstraints(problem, [
      { name: 'seniorsTakeThreePioneers', per: 'col', pairs: pioneerSenior, over: seniors, min: 3 },
    ], { priceQuotas: false });
    expect(result).toMatchObject({ status: 'infeasible', cause: 'quotas' });
    if (result.status !== 'infeasible') return;
    expect(result.conflict).toHaveLength(1);
    expect(combined.capacity[result.conflict[0]!.col!]).toBeLessThan(3);
    expect(small).toBeDefined();
  });
});
