import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';

/**
 * Starts a worker on the module `name` (without extension) beside the module at `here` (its
 * `import.meta.url`). From `dist/` the worker is plain JavaScript; when the caller runs from
 * TypeScript sources (tests, `tsx`), Node 20 does not pass loader hooks to workers, so the
 * worker first registers tsx's ESM hooks and then imports its TypeScript entry. tsx is a dev
 * dependency; the built package never takes that path.
 */
export function spawnWorker(here: string, name: string): Worker {
  if (!here.endsWith('.ts')) return new Worker(new URL(`./${name}.js`, here));
  const tsxRoot = dirname(createRequire(here).resolve('tsx/package.json'));
  const tsxApi = join(tsxRoot, 'dist', 'esm', 'api', 'index.mjs');
  if (!existsSync(tsxApi)) throw new Error(`running from TypeScript sources needs tsx (looked for ${tsxApi})`);
  const entry = new URL(`./${name}.ts`, here).href;
  const bootstrap = `import(${JSON.stringify(pathToFileURL(tsxApi).href)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}); });`;
  return new Worker(bootstrap, { eval: true });
}
