import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';

/**
 * Starts one job worker. From `dist/` the worker is plain JavaScript; when the server itself
 * runs from TypeScript sources (tests, `tsx`), Node 20 does not pass loader hooks to workers,
 * so the worker first registers tsx's ESM hooks and then imports its TypeScript entry.
 */
export function spawnJobWorker(): Worker {
  const here = import.meta.url;
  if (!here.endsWith('.ts')) return new Worker(new URL('./jobWorker.js', here));
  const tsxRoot = dirname(createRequire(here).resolve('tsx/package.json'));
  const tsxApi = join(tsxRoot, 'dist', 'esm', 'api', 'index.mjs');
  if (!existsSync(tsxApi)) throw new Error(`running from TypeScript sources needs tsx (looked for ${tsxApi})`);
  const entry = new URL('./jobWorker.ts', here).href;
  const bootstrap = `import(${JSON.stringify(pathToFileURL(tsxApi).href)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}); });`;
  return new Worker(bootstrap, { eval: true });
}
