import { mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import type { CohortInput } from '../../src/model/cohortSchema.js';
import { root, runInProcess, tempDir } from '../cli/support.js';
import { cohortArbitrary } from '../helpers/cohortArbitrary.js';
import { runs } from '../helpers/runs.js';
import { seededRandom } from '../helpers/seededRandom.js';
import { shuffleCohortDeep } from '../helpers/shuffleCohortDeep.js';

const alumni = JSON.parse(readFileSync(join(root, 'fixtures/alumni-programme.json'), 'utf8')) as CohortInput;
const tmp = tempDir();
afterAll(() => tmp.remove());

function shuffled<T>(xs: readonly T[], next: () => number): T[] {
  const out = [...xs];
  for (let k = out.length - 1; k > 0; k--) {
    const other = Math.floor(next() * (k + 1));
    [out[k], out[other]] = [out[other]!, out[k]!];
  }
  return out;
}

/** A scenario with its order-free lists (removed coaches, added coaches, pins, bans, capacity keys) shuffled. */
function shuffleScenario(scenario: Record<string, unknown>, seed: number): Record<string, unknown> {
  const next = seededRandom(seed);
  const list = (key: string) => (Array.isArray(scenario[key]) ? { [key]: shuffled(scenario[key] as unknown[], next) } : {});
  const capacity = scenario.capacity === undefined ? {} : { capacity: Object.fromEntries(shuffled(Object.entries(scenario.capacity as object), next)) };
  return Object.fromEntries(shuffled(Object.entries({ ...scenario, ...list('removeCoaches'), ...list('addCoaches'), ...list('pins'), ...list('bans'), ...capacity }), next));
}

/**
 * Writes the base cohort and the scenarios twice, in directories `a` (as given) and `b`
 * (shuffled), with the same file names so that scenario names (from file names) agree.
 */
function writeBoth(tag: string, base: CohortInput, scenarios: Record<string, Record<string, unknown>>, seed: number) {
  const dirs = { a: join(tmp.dir, tag, 'a'), b: join(tmp.dir, tag, 'b') };
  for (const [side, dir] of Object.entries(dirs)) {
    mkdirSync(dir, { recursive: true });
    const shuffle = side === 'b';
    tmp.write(join(tag, side, 'base.json'), shuffle ? shuffleCohortDeep(base, seed) : base);
    Object.entries(scenarios).forEach(([name, s], k) => tmp.write(join(tag, side, `${name}.json`), shuffle ? shuffleScenario(s, seed + k) : s));
  }
  const files = (side: 'a' | 'b') => Object.keys(scenarios).map((name) => join(dirs[side], `${name}.json`));
  return { a: files('a'), b: files('b'), baseA: join(dirs.a, 'base.json'), baseB: join(dirs.b, 'base.json') };
}

/** The bundled scenarios, pointed at a copied base cohort. */
function bundledScenarios(): Record<string, Record<string, unknown>> {
  const dir = join(root, 'fixtures/scenarios');
  return Object.fromEntries(
    readdirSync(dir)
      .filter((f) => f.endsWith('.json'))
      .sort()
      .map((f) => [f.replace(/\.json$/, ''), { ...JSON.parse(readFileSync(join(dir, f), 'utf8')), base: 'base.json' }]),
  );
}

/** Random scenarios on a random cohort: a coach removed, capacities changed, a ban, a pin. */
const randomScenarios = fc.record({ doc: cohortArbitrary({ minCoaches: 3, maxCoaches: 7, maxCoachees: 12 }), seed: fc.integer({ min: 1, max: 0x7fffffff }) }).map(({ doc, seed }) => {
  const next = seededRandom(seed);
  const coachIds = doc.coaches.map((c) => c.id);
  const coacheeIds = doc.coachees.map((c) => c.id);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)]!;
  const removed = [...new Set([pick(coachIds), pick(coachIds)])];
  const staying = coachIds.filter((id) => !removed.includes(id));
  const scenarios: Record<string, Record<string, unknown>> = {
    baseline: { base: 'base.json' },
    changes: {
      base: 'base.json',
      removeCoaches: removed,
      capacity: Object.fromEntries(staying.filter(() => next() < 0.5).map((id) => [id, Math.floor(next() * 4)])),
      bans: [...new Map(coacheeIds.filter(() => next() < 0.4).map((c) => [c, { coachee: c, coach: pick(staying) }])).values()],
      pins: [{ coachee: pick(coacheeIds), coach: pick(staying) }],
      policy: { preset: pick(['default', 'similarity-first', 'diversity-first']) },
    },
  };
  return { doc, seed, scenarios };
});

describe('coachmatch explain, whatever the record order', () => {
  it('prints byte-identical JSON and Markdown for the shuffled alumni cohort', async () => {
    const { baseA, baseB } = writeBoth('explain-alumni', alumni, {}, 3);
    for (const format of ['json', 'md']) {
      const a = await runInProcess(['explain', baseA, '--format', format]);
      const b = await runInProcess(['explain', baseB, '--format', format]);
      expect(a.code, a.stderr).toBe(0);
      expect(b.code).toBe(0);
      expect(b.stdout === a.stdout, `${format} differs`).toBe(true);
    }
  });

  it('prints byte-identical explanations for random cohorts in shuffled order', async () => {
    await fc.assert(
      fc.asyncProperty(randomScenarios, async ({ doc, seed }) => {
        const { baseA, baseB } = writeBoth(`explain-${seed}`, doc, {}, seed);
        for (const format of ['json', 'md']) {
          const a = await runInProcess(['explain', baseA, '--format', format, '--k', '2']);
          const b = await runInProcess(['explain', baseB, '--format', format, '--k', '2']);
          expect(b.code).toBe(a.code);
          expect(b.stdout === a.stdout, `${format} differs`).toBe(true);
        }
      }),
      { numRuns: runs(15) },
    );
  });
});

describe('coachmatch compare, whatever the record order', () => {
  it('prints byte-identical comparisons of the bundled scenarios on the shuffled alumni cohort', async () => {
    const files = writeBoth('compare-alumni', alumni, bundledScenarios(), 5);
    for (const format of ['json', 'md']) {
      const a = await runInProcess(['compare', ...files.a, '--parallel', 'never', '--format', format]);
      const b = await runInProcess(['compare', ...files.b, '--parallel', 'never', '--format', format]);
      expect([0, 1], a.stderr).toContain(a.code);
      expect(b.code).toBe(a.code);
      expect(b.stdout.length).toBeGreaterThan(100);
      expect(b.stdout === a.stdout, `${format} differs`).toBe(true);
    }
  });

  it('prints byte-identical comparisons of random scenarios, lists and records shuffled', async () => {
    let runsWithOutput = 0;
    await fc.assert(
      fc.asyncProperty(randomScenarios, async ({ doc, seed, scenarios }) => {
        const files = writeBoth(`compare-${seed}`, doc, scenarios, seed);
        const a = await runInProcess(['compare', ...files.a, '--parallel', 'never']);
        const b = await runInProcess(['compare', ...files.b, '--parallel', 'never']);
        expect(b.code).toBe(a.code);
        // Error messages name files and list indexes, which legitimately differ: bad input only has to agree on the exit code.
        if (a.code === 2) expect(b.stdout).toBe('');
        else expect(b.stdout === a.stdout, 'comparison differs').toBe(true);
        runsWithOutput += a.code === 2 ? 0 : 1;
      }),
      { numRuns: runs(15) },
    );
    // The comparison branch must be exercised; about half the random scenarios are valid, so
    // "more than half" failed by chance (7 of 15): a quarter keeps the check without the flake.
    expect(runsWithOutput, 'enough random scenarios must be valid').toBeGreaterThan(runs(15) / 4);
  });
});
