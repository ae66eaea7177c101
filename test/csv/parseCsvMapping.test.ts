import { describe, expect, it } from 'vitest';
import { parseCsvMapping } from '../../src/csv/parseCsvMapping.js';
import { issuesOf } from './support.js';

describe(parseCsvMapping, () => {
  it('accepts the bundled example mapping', async () => {
    const { readFileSync } = await import('node:fs');
    const json: unknown = JSON.parse(readFileSync(new URL('../../fixtures/csv/mapping.json', import.meta.url), 'utf8'));
    expect(parseCsvMapping(json, 'mapping.json').listSeparator).toBe('|');
  });
  it('names every shape problem with the file and its JSON path', () => {
    const paths = issuesOf(() =>
      parseCsvMapping({ delimiter: '|', listSeparator: '', colums: {}, columns: { coach: {}, coachees: { Naam: 3 } } }, 'mapping.json'),
    ).map((i) => i.path);
    expect(paths).toEqual([
      'mapping.json:$.colums',
      'mapping.json:$.delimiter',
      'mapping.json:$.listSeparator',
      'mapping.json:$.columns.coach',
      'mapping.json:$.columns.coachees.Naam',
    ]);
  });
  it('refuses a mapping that is not an object', () => {
    expect(issuesOf(() => parseCsvMapping([], 'm.json')).map((i) => i.path)).toEqual(['m.json:$']);
  });
});
