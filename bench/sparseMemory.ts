import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { MemoryReport } from './caseReport.js';

/**
 * Runs `sparseOnce.ts` for one case in a fresh Node process (same heap limit as the
 * benchmark) and returns its peak memory; `referenceObjective` is what the checked main
 * run found, so the child's solve is known to be the same solve.
 */
export function sparseMemory(caseName: string, referenceObjective: number | null): MemoryReport | { readonly error: string } {
  const script = fileURLToPath(new URL('./sparseOnce.ts', import.meta.url));
  const child = spawnSync(process.execPath, ['--expose-gc', '--max-old-space-size=4096', '--import', 'tsx', script, caseName], {
    cwd: fileURLToPath(new URL('..', import.meta.url)),
    encoding: 'utf8',
    timeout: 300_000,
  });
  if (child.status !== 0) return { error: `child exited with ${child.status ?? child.signal}: ${child.stderr.slice(0, 300)}` };
  try {
    const line = JSON.parse(child.stdout.trim().split('\n').at(-1) ?? '') as {
      objective: number | null;
      solveMs: number;
      rssBeforeSolveBytes: number;
      peakRssBytes: number;
    };
    return {
      peakRssBytes: line.peakRssBytes,
      rssBeforeSolveBytes: line.rssBeforeSolveBytes,
      solveMs: line.solveMs,
      objectiveAgrees: line.objective !== null && line.objective === referenceObjective,
    };
  } catch {
    return { error: `unreadable child output: ${child.stdout.slice(0, 300)}` };
  }
}
