import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cohortEvaluation } from '../../src/candidates/candidateContext.js';
import { solverWeights } from '../../src/candidates/evaluatePairs.js';
import { hasException, kindExceptions } from '../../src/candidates/kindExceptions.js';
import { recordKinds } from '../../src/candidates/recordKinds.js';
import { waiverRisk } from '../../src/candidates/reuseWeights.js';
import { everyRowPlaceable } from '../../src/candidates/solveNearKinds.js';
import { findColumn, fullPairSet, type PairSet } from '../../src/features/pairSet.js';
import type { CohortInput } from '../../src/model/cohortSchema.js';
import { parseCohort } from '../../src/model/parseCohort.js';
import { resolvePolicy } from '../../src/model/resolvePolicy.js';
import { defaultPolicies } from '../../src/policies/defaultPolicies.js';
import { nearKindsCohorts } from '../helpers/nearKindsCohort.js';
import { runs } from '../helpers/runs.js';

describe('kindExceptions', () => {
  it('names every coach at which a coachee weighs otherwise than its kind, with its weight there', () => {
    let checked = 0;
    let cohortsChecked = 0;
    let witnessedCohorts = 0;
    fc.assert(
      fc.property(nearKindsCohorts, ({ doc, policy }) => {
        let cohort;
        try {
          cohort = parseCohort(doc as unknown as CohortInput);
        } catch {
          return; // an extra relation the cohort refuses (a cycle of evaluators, say)
        }
        const settings = resolvePolicy(cohort.policy, policy);
        const { rows, cols, evaluate, base } = cohortEvaluation(cohort, settings, defaultPolicies);
        const weigh = (pairs: PairSet) => solverWeights(evaluate(pairs).combined);
        const { combined } = evaluate(fullPairSet(rows, cols));
        const full = solverWeights(combined);
        const byRecord = recordKinds(cohort)!;
        // Each kind weighed on its first plain coachee or stand-in, as matchOnNearKinds does (kindWeights).
        const generic = new Float64Array(byRecord.size.length * cols);
        byRecord.plainFirst.forEach((i, g) => generic.set(full.subarray(i * cols, (i + 1) * cols), g * cols));
        const { kinds, exceptions, witnessed } = kindExceptions(cohort, byRecord, base, weigh, generic);
        // What matchOnNearKinds requires before it trusts the exceptions (else the rounds match
        // the cohort, and nothing is claimed): no waived ban of a kind's plain coachee or stand-in, no exception's or witness's evaluation that a waiver could touch, and an allowed coach
        // for every coachee.
        if (combined.waived.some((ban) => byRecord.plainFirst.includes(ban.row))) return;
        const mayWaive = waiverRisk(base.combined.bans, rows, cols, base.combined.capacity);
        if (Array.from(kinds.kindOf.keys()).some((i) => exceptions.rowStart[i + 1]! > exceptions.rowStart[i]! && mayWaive(i, exceptions.rowStart[i + 1]! - exceptions.rowStart[i]!))) return;
        if ([...witnessed].some(([i, columns]) => mayWaive(i, columns.length))) return;
        if (!everyRowPlaceable({ kinds, generic, exceptions, capacity: base.combined.capacity, minLoad: base.combined.minLoad })) return;
        const same = (a: number, b: number) => Object.is(a, b) || (Number.isNaN(a) && Number.isNaN(b));
        cohortsChecked++;
        if (witnessed.size > 0) witnessedCohorts++;
        for (let i = 0; i < rows; i++) {
          const g = kinds.kindOf[i]!;
          if (kinds.plain[i] === 1) expect(exceptions.rowStart[i + 1]).toBe(exceptions.rowStart[i]);
          for (let j = 0; j < cols; j++) {
            const w = full[i * cols + j]!;
            if (hasException(exceptions, i, j)) {
              const p = findColumn(exceptions.colIndex, exceptions.rowStart[i]!, exceptions.rowStart[i + 1]!, j);
              expect({ i, j, w: exceptions.weight[p] }).toEqual({ i, j, w });
            } else if (!same(w, generic[g * cols + j]!)) expect({ i, j, w }).toEqual({ i, j, w: generic[g * cols + j] });
            checked++;
          }
        }
      }),
      { numRuns: runs(60) },
    );
    // Most cohorts pass the checks: the property is not vacuous.
    expect(cohortsChecked).toBeGreaterThan((runs(60) * 3) / 4);
    expect(checked).toBeGreaterThan(cohortsChecked * 20 * 4 - 1);
    // Some kinds have no plain coachee and are weighed on witnesses at their stand-in's exceptions.
    expect(witnessedCohorts).toBeGreaterThan(0);
  });
});
