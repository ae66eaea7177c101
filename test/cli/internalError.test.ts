import { describe, expect, it, vi } from 'vitest';
import { CoachmatchError } from '../../src/errors.js';
import { runInProcess } from './support.js';

// What validate throws in each test: the errors no input should cause.
const thrown = vi.hoisted(() => ({ error: undefined as unknown }));
vi.mock('../../src/cli/validateCommand.js', async (importActual) => ({
  ...(await importActual<typeof import('../../src/cli/validateCommand.js')>()),
  validateCommand: () => {
    throw thrown.error;
  },
}));

// Was: runCli rethrew, so node printed a stack trace and exited 1, which the CLI documents as
// "infeasible".
describe('coachmatch on an internal error', () => {
  const errors: [string, unknown][] = [
    ['a RangeError', new RangeError('Invalid string length')],
    ['a broken invariant', new CoachmatchError('internal', 'pair (0, 0) is not among the candidate pairs')],
    ['a value that is not an Error', { toString: () => 'odd\nsecond line' }],
    ['a value that cannot even be described', { toString: () => { throw new Error('no'); } }],
  ];

  it.each(errors)('exits 70 on %s, with one line on stderr naming it and no stack trace', async (_, error) => {
    thrown.error = error;
    const run = await runInProcess(['validate', 'cohort.json']);
    expect(run.code).toBe(70);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^coachmatch validate: internal error \(.+\)\. This is a bug: please report it\.\n$/);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('names the error in that line', async () => {
    thrown.error = new RangeError('Invalid string length');
    expect((await runInProcess(['validate', 'cohort.json'])).stderr).toContain('(RangeError: Invalid string length)');
  });

  it('documents exit code 70 in the usage', async () => {
    expect((await runInProcess(['--help'])).stdout).toContain('70 internal error');
  });
});
