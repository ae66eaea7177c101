import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/model/parseScenario.js';
import { applyScenario } from '../../src/scenarios/applyScenario.js';
import { runScenarios } from '../../src/scenarios/runScenarios.js';

const base = JSON.parse(readFileSync(new URL('../../fixtures/alumni-programme.json', import.meta.url), 'utf8'));
const scenarios = [{}, { policy: { preset: 'diversity-first' } }, { policy: { preset: 'similarity-first' } }].map((changes, i) =>
  applyScenario(base, parseScenario({ base: 'alumni-programme.json', name: `s${i}`, ...changes })),
);

describe(runScenarios, () => {
  it('reports progress once per finished scenario, up to the total', async () => {
    const seen: [number, number][] = [];
    const runs = await runScenarios(scenarios, { parallel: 'never', onProgress: (done, total) => seen.push([done, total]) });
    expect(runs).toHaveLength(3);
    expect(seen).toEqual([[1, 3], [2, 3], [3, 3]]);
  });
});
