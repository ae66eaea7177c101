import { existsSync, writeFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runInProcess, smallCohort, tempDir } from './support.js';

const support = { socioEmotional: 3, network: 3, autonomy: 3, career: 3 };

/** The five kinds of bad input in one document, with the JSON path each must be reported at. */
function brokenCohort(): { doc: unknown; paths: string[] } {
  const doc = smallCohort();
  doc.coaches.push({ id: 'c1', name: 'Duplicate', capacity: 1, support });
  doc.relations.push({ from: 'p1', to: 'ghost', type: 'closeTo' });
  doc.coaches[1].capacity = -1;
  doc.coaches[0].attributes.age = 'forty';
  doc.coachees[1].preferences = ['nobody'];
  return {
    doc,
    paths: ['$.coaches[2].id', '$.relations[1].to', '$.coaches[1].capacity', '$.coaches[0].attributes.age', '$.coachees[1].preferences[0]'],
  };
}

describe('coachmatch on bad input', () => {
  let tmp: ReturnType<typeof tempDir>;
  beforeEach(() => {
    tmp = tempDir();
  });
  afterEach(() => tmp.remove());

  describe.each([['match'], ['validate']])('%s', (command) => {
    it('reports every problem with its JSON path in one error, exits 2 and prints nothing on stdout', async () => {
      const { doc, paths } = brokenCohort();
      const file = tmp.write('broken.json', doc);
      const run = await runInProcess([command, file]);
      expect(run.code).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderrWrites).toBe(1);
      for (const path of paths) expect(run.stderr).toContain(path);
    });

    it('exits 2 on malformed JSON', async () => {
      const file = tmp.write('bad.json', '{ "coaches": [ ');
      const run = await runInProcess([command, file]);
      expect(run.code).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr.length).toBeGreaterThan(0);
    });

    it('exits 2 on a file that is not UTF-8, naming the line, rather than reading "Öland" as "\uFFFDland"', async () => {
      const text = JSON.stringify(smallCohort(), null, 1).replace('"Coach One"', '"Coach Öland"');
      const file = tmp.path('latin1.json');
      writeFileSync(file, Buffer.from(text, 'latin1'));
      const line = text.split('\n').findIndex((l) => l.includes('Öland')) + 1;
      const run = await runInProcess([command, file]);
      expect(run.code).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toContain(`not UTF-8 text (line ${line})`);
      // Saved as UTF-16 (with its byte-order mark): said so.
      writeFileSync(file, Buffer.from(`\uFEFF${text}`, 'utf16le'));
      const utf16 = await runInProcess([command, file]);
      expect(utf16.code).toBe(2);
      expect(utf16.stderr).toContain('is UTF-16 text: save it as UTF-8');
      // As UTF-32 (little-endian, whose mark starts as UTF-16's does): said so, not called UTF-16.
      const utf32 = Buffer.alloc(4 * (text.length + 1));
      [...`\uFEFF${text}`].forEach((ch, at) => utf32.writeUInt32LE(ch.codePointAt(0)!, 4 * at));
      writeFileSync(file, utf32);
      expect((await runInProcess([command, file])).stderr).toContain('is UTF-32 text: save it as UTF-8');
      // The same text as UTF-8, with a byte-order mark, is read.
      writeFileSync(file, `\uFEFF${text}`);
      expect((await runInProcess([command, file])).code).toBe(0);
    });

    it('exits 2 on a missing file', async () => {
      const run = await runInProcess([command, tmp.path('absent.json')]);
      expect(run.code).toBe(2);
      expect(run.stdout).toBe('');
    });
  });

  it('writes no --out file for a bad cohort', async () => {
    const { doc } = brokenCohort();
    const file = tmp.write('broken.json', doc);
    const before = tmp.list();
    const run = await runInProcess(['match', file, '--out', tmp.path('report.md'), '--format', 'md']);
    expect(run.code).toBe(2);
    expect(existsSync(tmp.path('report.md'))).toBe(false);
    expect(tmp.list()).toEqual(before);
  });

  it('writes no --out file for malformed JSON', async () => {
    const file = tmp.write('bad.json', 'not json');
    const run = await runInProcess(['match', file, '--out', tmp.path('out.json')]);
    expect(run.code).toBe(2);
    expect(existsSync(tmp.path('out.json'))).toBe(false);
  });

  it.each([
    [['match', '--preset', 'bogus', 'x.json']],
    [['match', 'x.json', '--format', 'pdf']],
    [['match', 'x.json', '--unknown-flag']],
    [['match']],
    [['match', 'a.json', 'b.json']],
    [['validate']],
    [['frobnicate']],
    [[]],
    // Names of Object.prototype members are unknown commands too, not a crash.
    [['constructor']],
    [['__proto__', 'x.json']],
    [['toString']],
    [['hasOwnProperty']],
  ])('exits 2 on bad arguments %j, printing nothing on stdout but usage', async (argv) => {
    const run = await runInProcess(argv);
    expect(run.code).toBe(2);
    if (argv.length > 0) expect(run.stdout).toBe('');
    expect(run.stderr.length + run.stdout.length).toBeGreaterThan(0);
  });

  it.each([
    [['match', '--format', 'html', '--alternatives', ''], '--alternatives'],
    [['match', '--candidate-k', '0x10'], '--candidate-k'],
    [['shortlist', '--k', '1e1'], '--k'],
    [['explain', '--k', ' '], '--k'],
    [['serve', '--port', '0x50'], '--port'],
  ])('refuses %j: whole numbers in plain digits only, not read as 0, 16 or 10', async ([command, ...options], name) => {
    const args = command === 'serve' ? [command!, ...options] : [command!, tmp.write('cohort.json', smallCohort()), ...options];
    const run = await runInProcess(args);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`${name} must be a whole number`);
  });

  // Was: Number() read "" as 0, "0x10" as 16 and "1e3" as 1000, so a mistyped option ran.
  it.each([
    [['--change-price='], '--change-price must be a decimal number ≥ 0 such as 0.5, got ""'],
    [['--change-price', '0x10'], '--change-price must be a decimal number ≥ 0 such as 0.5, got "0x10"'],
    [['--exit-margin', '1e-1'], '--exit-margin must be a decimal number ≥ 0 such as 0.5, got "1e-1"'],
    [['--exit-margin=-0.5'], '--exit-margin must be a decimal number ≥ 0 such as 0.5, got "-0.5"'],
    [['--cluster', '1e3'], '--cluster must be a whole number ≥ 0, got "1e3"'],
    [['--cluster', '2.5'], '--cluster must be a whole number ≥ 0, got "2.5"'],
  ])('rematch refuses %j rather than guess a number', async (options, message) => {
    const run = await runInProcess(['rematch', tmp.write('cohort.json', smallCohort()), ...options]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(`coachmatch rematch: ${message}\n`);
  });

  // Was: a 2 MiB coach name copied into 400 pairs made a report longer than a JavaScript string
  // may be: RangeError "Invalid string length", a stack trace and exit 1, in every format.
  describe('a coach name of 2 MiB with 400 coachees', () => {
    const cohort = {
      coaches: [{ id: 'c1', name: 'N'.repeat(2 * 1024 * 1024), capacity: 400, support }],
      coachees: Array.from({ length: 400 }, (_, i) => ({ id: `s${i}`, name: `S${i}`, needs: support })),
    };

    it.each([
      [['match', '--format', 'json']],
      [['match', '--format', 'md']],
      [['match', '--format', 'html']],
      [['match', '--format', 'csv']],
      [['explain']],
      [['rematch']],
    ])('%j exits 2 naming the field and the limit, and writes nothing', async ([command, ...options]) => {
      const run = await runInProcess([command!, tmp.write('cohort.json', cohort), ...options, '--out', tmp.path('out')]);
      expect(run.code).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toContain('$.coaches[0].name: a name is 2097152 characters long; at most 1000 are allowed');
      expect(run.stderr.length).toBeLessThan(1000);
      expect(existsSync(tmp.path('out'))).toBe(false);
    });
  });
});
