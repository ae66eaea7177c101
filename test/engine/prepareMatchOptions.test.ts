import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { prepareMatch } from '../../src/engine/match.js';
import type { MatchOverrides } from '../../src/engine/matchOptions.js';
import { parseCohort } from '../../src/model/parseCohort.js';
import { rematch } from '../../src/rematch/rematch.js';
import { runScenarios } from '../../src/scenarios/runScenarios.js';
import { applyScenario } from '../../src/scenarios/applyScenario.js';
import { parseScenario } from '../../src/model/parseScenario.js';
import { thrownError, thrownIssuePaths } from '../helpers/issuePaths.js';

const document = JSON.parse(readFileSync(new URL('../../fixtures/alumni-programme.json', import.meta.url), 'utf8'));
const cohort = parseCohort(document);

describe(prepareMatch, () => {
  it('refuses an unknown option by its path, as match does (explain, rematch, compare and shortlist start here; a typo was ignored)', () => {
    expect(thrownIssuePaths(() => prepareMatch(cohort, { alowUnmatched: false } as MatchOverrides), 'invalidArgument')).toEqual(['$.alowUnmatched']);
    expect(thrownError(() => prepareMatch(cohort, { polcy: { preset: 'diversity-first' } } as MatchOverrides), 'invalidArgument').message).toMatch(/\$\.polcy: unknown option/);
    expect(thrownIssuePaths(() => prepareMatch(cohort, null as unknown as MatchOverrides), 'invalidArgument')).toEqual(['$']);
  });

  it("refuses rematch's and runScenarios' own options (they hand on only their match options)", async () => {
    expect(thrownIssuePaths(() => prepareMatch(cohort, { changePrice: 1, parallel: 'never' } as MatchOverrides), 'invalidArgument')).toEqual(['$.changePrice', '$.parallel']);
    expect(rematch(cohort, { exits: [] }, { changePrice: 1, exitMargin: 0.2, clusterThreshold: 2 }).status).toBe('optimal');
    const [run] = await runScenarios([applyScenario(document, parseScenario({ base: 'alumni-programme.json', name: 'base' }))], { parallel: 'never', threads: 1, onProgress: () => {} });
    expect(run!.status).toBe('optimal');
  });
});
