/**
 * Child-process entry: `node --import tsx bench/sparseOnce.ts <case>` builds one generated
 * case, solves it once with `ours auto` and prints one JSON line with the process's peak
 * RSS, so the peak belongs to that case alone (input + solve + Node itself).
 */
import { isGeneratedCaseName, makeCase } from './cases.js';
import { peakRss } from './peakRss.js';
import { solveAssignment } from '../src/solver/solveAssignment.js';

const name = process.argv[2] ?? '';
if (!isGeneratedCaseName(name)) {
  process.stderr.write(`usage: sparseOnce.ts <generated case name>, got ${JSON.stringify(name)}\n`);
  process.exit(2);
}
const c = makeCase(name);
(globalThis as { gc?: () => void }).gc?.();
const rssBeforeSolveBytes = process.memoryUsage().rss;
const start = performance.now();
const result = solveAssignment(c.problem, { method: 'auto' });
const solveMs = performance.now() - start;
process.stdout.write(
  `${JSON.stringify({
    name,
    status: result.status,
    objective: result.objective,
    solveMs,
    rssBeforeSolveBytes,
    peakRssBytes: peakRss(),
    maxRssBytes: process.resourceUsage().maxRSS * 1024,
  })}\n`,
);
