import { parseArgs } from 'node:util';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isErrorOfKind } from '../../src/errors.js';
import { parseOptions } from '../../src/cli/parseOptions.js';
import { runs } from '../helpers/runs.js';
import { alumniFixture, runInProcess } from './support.js';

const options = { k: { type: 'string' }, out: { type: 'string', short: 'o' }, pin: { type: 'string', multiple: true }, strict: { type: 'boolean' } } as const;

describe(parseOptions, () => {
  it('refuses exactly the options that take one value given more than once, else parses as parseArgs', () => {
    const arg = fc.oneof(
      fc.tuple(fc.constantFrom('--k', '--out', '-o', '--pin'), fc.constantFrom('1', 'a b', '')).map(([name, value]) => [name, value]),
      fc.constantFrom('--k=2', '--out=x', '--pin=p', '--strict', 'file.json').map((a) => [a]),
    );
    fc.assert(
      fc.property(fc.array(arg, { maxLength: 8 }), (parts) => {
        const args = parts.flat();
        const count = (name: string) => parts.filter(([a]) => a!.replace(/=.*/, '') === `--${name}` || (name === 'out' && a === '-o')).length;
        const repeated = ['k', 'out'].filter((name) => count(name) > 1);
        try {
          const parsed = parseOptions({ args, allowPositionals: true, options });
          expect(repeated).toEqual([]);
          expect(parsed).toEqual(parseArgs({ args, allowPositionals: true, options }));
        } catch (error) {
          if (!isErrorOfKind(error, 'invalidArgument')) throw error;
          expect(error.issues.map((i) => i.path.replace(/^-o$/, '--out').slice(2)).sort()).toEqual(repeated);
        }
      }),
      { numRuns: runs(200) },
    );
  });
});

describe('a repeated option on the command line', () => {
  it('exits 2 naming the option and every value, and does no work', async () => {
    // Was: exit 0 with k 4, the last --k silently winning.
    const run = await runInProcess(['shortlist', alumniFixture, '--k', '3', '--k=4']);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('--k: given 2 times ("3", "4"): give it once');
  });

  it('keeps options declared repeatable repeatable', async () => {
    const run = await runInProcess(['explain', alumniFixture, '--coachee', 'student-01', '--coachee', 'student-02']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
  });
});
