import { afterAll, describe, expect, it } from 'vitest';
import { runInProcess, smallCohort, tempDir } from './support.js';

describe('a JSON file with byte-order marks', () => {
  const tmp = tempDir();
  afterAll(() => tmp.remove());

  it('reads one leading mark as UTF-8 says, and refuses a second one as not JSON (both were removed)', async () => {
    const text = JSON.stringify(smallCohort());
    expect((await runInProcess(['validate', tmp.write('one.json', `\uFEFF${text}`)])).code).toBe(0);
    const twice = await runInProcess(['validate', tmp.write('two.json', `\uFEFF\uFEFF${text}`)]);
    expect(twice.code).toBe(2);
    expect(twice.stderr).toContain('two.json is not valid JSON');
  });
});
