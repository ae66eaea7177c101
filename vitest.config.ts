import { readdirSync, readFileSync } from 'node:fs';
import { defineConfig } from 'vitest/config';

/**
 * Test files that replace modules or globals (vi.mock, vi.doMock, vi.stubGlobal, vi.stubEnv):
 * each runs in a fresh module graph. Every other file shares its worker's modules with the files
 * before it (isolate: false), which halves the suite: importing the sources again for each of
 * 230 files took more time than the tests (Vitest's "import" 153 s of a 311 s run; 156 s in all
 * without isolation, where the files that mock failed). A new test that mocks is found here by
 * its text and isolated, so it cannot leak into the others.
 */
const replacesModules = /\bvi\.(mock|doMock|stubGlobal|stubEnv)\(/;
const testFiles = (readdirSync('test', { recursive: true }) as string[]).filter((f) => f.endsWith('.test.ts')).map((f) => `test/${f}`);
const isolated = testFiles.filter((f) => replacesModules.test(readFileSync(f, 'utf8')));

export default defineConfig({
  test: {
    testTimeout: 60_000,
    pool: 'forks',
    // Every CPU (Vitest's default leaves one free: a single worker on a 2-CPU machine). On the
    // 2-CPU host of 2026-12-05: 253–274 s in 3 full passes, against 327 and 335 s in 2.
    maxWorkers: '100%',
    setupFiles: ['test/setup/fastCheckSeed.ts'],
    projects: [
      { extends: true, test: { name: 'isolated', include: isolated, isolate: true } },
      { extends: true, test: { name: 'shared', include: ['test/**/*.test.ts'], exclude: isolated, isolate: false } },
    ],
  },
});
