import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCsvCohort } from '../../src/csv/parseCsvCohort.js';
import { parseCsvMapping } from '../../src/csv/parseCsvMapping.js';
import type { CsvMapping } from '../../src/csv/csvMapping.js';
import { match } from '../../src/engine/match.js';
import { root } from '../cli/support.js';
import { outcomeOf } from '../helpers/outcomeOf.js';
import { runs } from '../helpers/runs.js';

const dir = join(root, 'fixtures/csv');
const text = (name: string) => readFileSync(join(dir, name), 'utf8');
const files = { coaches: text('coaches.csv'), coachees: text('coachees.csv'), relations: text('relations.csv') };
const mapping = parseCsvMapping(JSON.parse(text('mapping.json')), 'mapping.json') as Partial<CsvMapping>;

type Section = keyof typeof files;

/** Imports CSV sources; a valid cohort must then match. Anything else than a result or invalidCohort fails. */
function expectGracefulCsv(sources: Record<Section, string | Uint8Array>, withMapping: boolean): 'valid' | 'invalid' {
  const outcome = outcomeOf(() =>
    parseCsvCohort(
      {
        coaches: { name: 'coaches.csv', content: sources.coaches },
        coachees: { name: 'coachees.csv', content: sources.coachees },
        relations: { name: 'relations.csv', content: sources.relations },
      },
      withMapping ? mapping : {},
      'mapping.json',
    ),
  );
  if (!outcome.ok) {
    expect(outcome.error.kind).toBe('invalidCohort');
    expect(outcome.error.issues.length).toBeGreaterThan(0);
    // Problems are located in the files (coaches.csv:12:capacity) or the mapping.
    for (const issue of outcome.error.issues) expect(issue.path).toMatch(/^(coaches\.csv|coachees\.csv|relations\.csv|mapping\.json)(:|$)/);
    return 'invalid';
  }
  const matching = outcomeOf(() => match(outcome.value));
  expect(matching.ok).toBe(true);
  if (matching.ok) expect(['optimal', 'infeasible']).toContain(matching.value.status);
  return 'valid';
}

/** One edit of a CSV text: what editors, exports and careless scripts do to files. */
const edit = fc.oneof(
  fc.record({ kind: fc.constant('insert' as const), at: fc.double({ min: 0, max: 1, noNaN: true }), what: fc.oneof(fc.constantFrom('"', '""', ';', ',', '\t', '\n', '\r', '\r\n', '\uFEFF', '\u0000', '|', ' "', '" ', '\u2028', 'é', '💥'), fc.string({ maxLength: 6 })) }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.double({ min: 0, max: 1, noNaN: true }), length: fc.integer({ min: 1, max: 30 }) }),
  fc.record({ kind: fc.constant('replaceAll' as const), from: fc.constantFrom(';', '|', '\n', '"'), to: fc.constantFrom(',', '\t', ';', '\r', '""', '') }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.double({ min: 0, max: 1, noNaN: true }) }),
);
type Edit = typeof edit extends fc.Arbitrary<infer E> ? E : never;

function applyEdit(source: string, e: Edit): string {
  const at = 'at' in e ? Math.floor(e.at * source.length) : 0;
  switch (e.kind) {
    case 'insert':
      return source.slice(0, at) + e.what + source.slice(at);
    case 'delete':
      return source.slice(0, at) + source.slice(at + e.length);
    case 'replaceAll':
      return source.replaceAll(e.from, e.to);
    case 'truncate':
      return source.slice(0, at);
  }
}

const editedFiles = fc.record({
  section: fc.constantFrom<Section>('coaches', 'coachees', 'relations'),
  edits: fc.array(edit, { minLength: 1, maxLength: 4 }),
  withMapping: fc.boolean(),
});

describe(`${parseCsvCohort.name} under broken files`, () => {
  it('either imports or lists located problems, for edited files (broken quotes, mixed separators, BOM in the middle, truncation)', () => {
    const seen = { valid: 0, invalid: 0 };
    fc.assert(
      fc.property(editedFiles, ({ section, edits, withMapping }) => {
        const sources = { ...files, [section]: edits.reduce(applyEdit, files[section]) };
        seen[expectGracefulCsv(sources, withMapping)]++;
      }),
      { numRuns: runs(500) },
    );
    expect(seen.valid).toBeGreaterThan(0);
    expect(seen.invalid).toBeGreaterThan(0);
  });

  it('either imports or lists located problems, for random bytes and random text', () => {
    const content = fc.oneof(fc.uint8Array({ maxLength: 300 }), fc.string({ unit: 'binary', maxLength: 200 }), fc.string({ unit: 'grapheme', maxLength: 200 }));
    fc.assert(
      fc.property(fc.constantFrom<Section>('coaches', 'coachees', 'relations'), content, fc.boolean(), (section, bytes, withMapping) => {
        expectGracefulCsv({ ...files, [section]: bytes }, withMapping);
      }),
      { numRuns: runs(300) },
    );
  });

  it('reports a file in a legacy code page, a lone quote and a BOM mid-file at their lines', () => {
    const latin1 = Buffer.from(files.coaches.replace('Dijkstra', 'Dijkstr\u00e9'), 'latin1');
    const brokenQuote = files.coaches.replace('coach-02;', 'coach-02";');
    const midBom = files.coaches.replace('\ncoach-03', '\n\uFEFFcoach-03');
    for (const coaches of [latin1, brokenQuote, midBom]) expectGracefulCsv({ ...files, coaches }, true);
    const outcome = outcomeOf(() => parseCsvCohort({ coaches: { name: 'coaches.csv', content: latin1 }, coachees: { name: 'coachees.csv', content: files.coachees } }, mapping));
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.error.issues[0]!.path).toMatch(/^coaches\.csv:\d+$/);
  });
});
