import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readJsonFile } from '../../src/cli/readJsonFile.js';
import { isErrorOfKind } from '../../src/errors.js';
import { runInProcess, tempDir } from './support.js';

const alumniText = readFileSync(new URL('../../fixtures/alumni-programme.json', import.meta.url), 'utf8');

/** The error readJsonFile throws for `text`, or a failure when it accepts it. */
function refusal(text: string) {
  const files = tempDir();
  const path = files.path('input.json');
  files.write('input.json', text);
  try {
    readJsonFile(path);
  } catch (error) {
    if (isErrorOfKind(error, 'invalidArgument')) return error;
    throw error;
  } finally {
    files.remove();
  }
  throw new Error(`accepted ${text.slice(0, 200)}`);
}

describe(readJsonFile, () => {
  it('refuses a key given twice, naming its JSON path (JSON.parse would keep the last value)', () => {
    const error = refusal('{"coaches":[{"id":"c0"},{"id":"c1","capacity":2,"capacity":0}],"coachees":[]}');
    expect(error.issues).toEqual([{ path: '$.coaches[1].capacity', message: expect.stringContaining('given more than once') }]);
    expect(error.message).toContain('input.json');
  });

  it('refuses a string or key holding a lone surrogate, naming its JSON path', () => {
    const error = refusal('{"coaches":[{"id":"c\\ud800"},{"id":"c\\udbff"}],"coachees":[]}');
    expect(error.issues.map((i) => i.path)).toEqual(['$.coaches[0].id', '$.coaches[1].id']);
  });

  it('refuses nesting deeper than 64 levels at $, without overflowing the stack', () => {
    const error = refusal(`{"coaches":${'['.repeat(500_000)}${']'.repeat(500_000)}}`);
    expect(error.issues).toEqual([{ path: '$', message: 'nested deeper than 64 levels' }]);
  });

  it('still reads a well-formed file as JSON.parse does', () => {
    const files = tempDir();
    files.write('alumni.json', alumniText);
    expect(readJsonFile(files.path('alumni.json'))).toEqual(JSON.parse(alumniText));
    files.remove();
  });

  it('makes `coachmatch validate` exit 2 with the path of the repeated key', async () => {
    const files = tempDir();
    const document = JSON.parse(alumniText) as { coaches: Record<string, unknown>[] };
    const text = JSON.stringify(document).replace(/("capacity":\d+)/, '$1,"capacity":0');
    files.write('repeated.json', text);
    const run = await runInProcess(['validate', files.path('repeated.json')]);
    files.remove();
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/\$\.coaches\[\d+\]\.capacity: the key "capacity" is given more than once/);
  });
});
