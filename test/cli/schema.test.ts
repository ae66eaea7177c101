import { describe, expect, it } from 'vitest';
import { runInProcess } from './support.js';

describe('coachmatch schema', () => {
  it('prints the JSON Schema of a cohort file and exits 0', async () => {
    const run = await runInProcess(['schema']);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    const schema = JSON.parse(run.stdout) as { $schema?: string; type?: string; properties?: Record<string, unknown>; required?: string[] };
    expect(schema.$schema).toContain('2020-12');
    expect(schema.type).toBe('object');
    for (const key of ['attributes', 'coaches', 'coachees', 'people', 'relations', 'policy']) expect(schema.properties).toHaveProperty(key);
    expect(schema.required).toEqual(expect.arrayContaining(['coaches', 'coachees']));
  });

  it('takes no arguments (exit 2)', async () => {
    const run = await runInProcess(['schema', 'extra']);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
  });
});
