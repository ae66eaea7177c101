import { describe, expect, it } from 'vitest';
import { buildLpModel, LP_WEIGHT, lpColConstraint, lpPairVariable, lpRowConstraint } from '../../src/solver/buildLpModel.js';
import { normalizeProblem } from '../../src/solver/normalizeProblem.js';

describe(buildLpModel, () => {
  const problem = normalizeProblem({
    weights: [
      [4, null, 1],
      [null, 2, 3],
    ],
    capacity: [1, 2, 3],
    minLoad: [0, 1, 0],
  });

  it('has one variable per allowed pair, carrying its weight and its row and column', () => {
    const model = buildLpModel(problem);
    expect(Object.keys(model.variables).sort()).toEqual(
      [lpPairVariable(0, 0), lpPairVariable(0, 2), lpPairVariable(1, 1), lpPairVariable(1, 2)].sort(),
    );
    expect(model.variables[lpPairVariable(1, 2)]).toMatchObject({ [LP_WEIGHT]: 3, [lpRowConstraint(1)]: 1, [lpColConstraint(2)]: 1 });
  });

  it('places every row exactly once and bounds each column by its minimum load and capacity', () => {
    const model = buildLpModel(problem);
    expect(model.constraints[lpRowConstraint(0)]).toEqual({ equal: 1 });
    expect(model.constraints[lpColConstraint(0)]).toEqual({ max: 1 });
    expect(model.constraints[lpColConstraint(1)]).toEqual({ min: 1, max: 2 });
  });

  it('lets a row stay unplaced when allowUnmatched is set', () => {
    const model = buildLpModel(normalizeProblem({ weights: [[1]], allowUnmatched: true }));
    expect(model.constraints[lpRowConstraint(0)]).toEqual({ max: 1 });
  });

  it('optimises the weight in the problem sense', () => {
    expect(buildLpModel(problem)).toMatchObject({ optimize: LP_WEIGHT, opType: 'max' });
    expect(buildLpModel(normalizeProblem({ weights: [[1]], sense: 'min' }))).toMatchObject({ opType: 'min' });
  });
});
