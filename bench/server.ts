/**
 * Load test of the HTTP API on loopback: POST /match with the alumni programme, many requests
 * at once, bounded in count and time; plus the cost of the worker thread per request (the
 * same requests one at a time with computations in a worker, inline, and without HTTP).
 *
 *   node --import tsx bench/server.ts [--requests 500] [--concurrency 50] [--seconds 60] [--write]
 *
 * `--write` rewrites bench/SERVER.md with the figures. Only loopback addresses are used.
 */
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { createEngine } from '../src/composition/createEngine.js';
import { parseCohort } from '../src/model/parseCohort.js';
import { createServer } from '../src/server/createServer.js';
import { machineInfo } from './machineInfo.js';

const { values } = parseArgs({
  options: {
    requests: { type: 'string', default: '500' },
    concurrency: { type: 'string', default: '50' },
    seconds: { type: 'string', default: '60' },
    sequential: { type: 'string', default: '300' },
    write: { type: 'boolean', default: false },
  },
});
const totalRequests = Number(values.requests);
const concurrency = Number(values.concurrency);
const deadlineMs = Number(values.seconds) * 1000;
const sequentialRequests = Number(values.sequential);

const root = fileURLToPath(new URL('../', import.meta.url));
const fixtureText = readFileSync(new URL('../fixtures/alumni-programme.json', import.meta.url), 'utf8');
const body = JSON.stringify(JSON.parse(fixtureText));
const fixture = parseCohort(JSON.parse(fixtureText));
const expected = JSON.parse(JSON.stringify(createEngine().match(fixture)));

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN;
const round = (x: number) => Math.round(x * 10) / 10;

interface LoadResult {
  readonly sent: number;
  readonly ok: number;
  readonly statuses: Record<string, number>;
  readonly seconds: number;
  readonly throughput: number;
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
  readonly max: number;
}

const post = (url: string) => fetch(`${url}/match`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });

/** Checks the answer before timing anything: the server's matching is the engine's. */
async function checkAnswer(url: string): Promise<void> {
  const response = await post(url);
  const matching = await response.json();
  if (response.status !== 200 || JSON.stringify(matching) !== JSON.stringify(expected)) throw new Error(`POST /match at ${url} does not answer the engine's matching`);
}

/** `count` requests, at most `parallel` in flight, none started after the deadline. */
async function load(url: string, count: number, parallel: number, deadline: number): Promise<LoadResult> {
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  let next = 0;
  const started = performance.now();
  const lane = async () => {
    while (next < count && performance.now() - started < deadline) {
      next++;
      const t = performance.now();
      let status = 'error';
      try {
        const response = await post(url);
        await response.arrayBuffer();
        status = String(response.status);
      } catch {
        // counted as 'error'
      }
      latencies.push(performance.now() - t);
      statuses[status] = (statuses[status] ?? 0) + 1;
    }
  };
  await Promise.all(Array.from({ length: parallel }, lane));
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    sent: latencies.length,
    ok: statuses['200'] ?? 0,
    statuses,
    seconds: round(seconds),
    throughput: round((statuses['200'] ?? 0) / seconds),
    p50: round(percentile(latencies, 50)),
    p95: round(percentile(latencies, 95)),
    p99: round(percentile(latencies, 99)),
    max: round(latencies.at(-1) ?? NaN),
  };
}

/** `coachmatch serve` in a child process (its own event loop, as in production), on loopback. */
async function startServeProcess(): Promise<{ url: string; stop: () => Promise<number | null> }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'serve', '--host', '127.0.0.1', '--port', '0'], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.setEncoding('utf8');
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start: ${stderr}`)), 30_000);
    child.stderr.on('data', (chunk: string) => {
      stderr += chunk;
      const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(stderr);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
  });
  child.stderr.removeAllListeners('data');
  child.stderr.resume(); // drain the request log
  return {
    url,
    stop: () =>
      new Promise((resolve) => {
        child.on('exit', (code) => resolve(code));
        child.kill('SIGTERM');
      }),
  };
}

/**
 * The same request one at a time along three paths, interleaved (one of each per round, in
 * rotating order) so that drift in the machine's load hits all three alike.
 */
async function sequentialPaths(rounds: number): Promise<Record<'direct' | 'inline' | 'worker', { p50: number; p95: number }>> {
  const engine = createEngine();
  const direct = async () => {
    JSON.stringify(engine.match(parseCohort(JSON.parse(body))));
  };
  const servers = {
    inline: createServer({ host: '127.0.0.1', port: 0, isolation: 'inline', log: () => {} }),
    worker: createServer({ host: '127.0.0.1', port: 0, isolation: 'worker', workers: 1, log: () => {} }),
  };
  const urls = { inline: (await servers.inline.listen()).url, worker: (await servers.worker.listen()).url };
  try {
    await checkAnswer(urls.inline);
    await checkAnswer(urls.worker);
    const paths: Record<'direct' | 'inline' | 'worker', () => Promise<void>> = {
      direct,
      inline: async () => void (await (await post(urls.inline)).arrayBuffer()),
      worker: async () => void (await (await post(urls.worker)).arrayBuffer()),
    };
    const names = Object.keys(paths) as (keyof typeof paths)[];
    const times: Record<string, number[]> = { direct: [], inline: [], worker: [] };
    for (let round = -30; round < rounds; round++) {
      for (let k = 0; k < names.length; k++) {
        const name = names[(((round % 3) + 3) % 3 + k) % 3]!;
        const t = performance.now();
        await paths[name]();
        if (round >= 0) times[name]!.push(performance.now() - t); // the first 30 rounds warm up
      }
    }
    const summary = (xs: number[]) => {
      const sorted = [...xs].sort((a, b) => a - b);
      return { p50: round(percentile(sorted, 50)), p95: round(percentile(sorted, 95)) };
    };
    return { direct: summary(times.direct!), inline: summary(times.inline!), worker: summary(times.worker!) };
  } finally {
    await servers.inline.close();
    await servers.worker.close();
  }
}

const loadBefore = round(loadavg()[0]!);
const serve = await startServeProcess();
let concurrent: LoadResult;
let stopCode: number | null;
try {
  await checkAnswer(serve.url);
  await load(serve.url, 50, 10, deadlineMs); // warm-up
  concurrent = await load(serve.url, totalRequests, concurrency, deadlineMs);
} finally {
  stopCode = await serve.stop();
}
const { direct: inProcess, inline, worker } = await sequentialPaths(sequentialRequests);

const machine = machineInfo();
const date = new Date().toISOString().slice(0, 10);
const report = {
  date,
  machine,
  concurrent: { requests: totalRequests, concurrency, deadlineSeconds: deadlineMs / 1000, ...concurrent },
  sequential: { requests: sequentialRequests, direct: inProcess, inline, worker, workerOverheadP50: round(worker.p50 - inline.p50), httpOverheadP50: round(inline.p50 - inProcess.p50) },
  serveExitCode: stopCode,
};
console.log(JSON.stringify(report, null, 2));

if (values.write) {
  const c = report.concurrent;
  const s = report.sequential;
  const md = `# HTTP API benchmark

\`node --import tsx bench/server.ts --write\` starts \`coachmatch serve\` in a child process on
127.0.0.1 (default settings: one worker thread per CPU, 30 s time limit), checks that
\`POST /match\` answers exactly the engine's matching for \`fixtures/alumni-programme.json\`
(${fixture.coachees.length} coachees, ${fixture.coaches.length} coaches; a 66 kB answer), warms up, then sends
${c.requests} requests, ${c.concurrency} at a time, starting none after ${c.deadlineSeconds} s.
Latency is per request, from \`fetch\` to the last byte, on the client.

Then the same request ${s.requests} times one at a time along three paths, interleaved round by
round so that the machine's load hits all alike, to price the worker thread: in-process servers
with computations in a worker (the default) and inline on the event loop
(\`isolation: 'inline'\`), and the engine called directly (parse + match + JSON, no HTTP).

## Results (${date})

Machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGb} GB, ${machine.os}, Node ${machine.node}.
One-minute load average when the run started: ${loadBefore} (other work shared the machine when above 0).

### ${c.concurrency} concurrent requests

| requests | 200 | other | wall time | throughput | p50 | p95 | p99 | max |
|---:|---:|---|---:|---:|---:|---:|---:|---:|
| ${c.sent} | ${c.ok} | ${JSON.stringify(Object.fromEntries(Object.entries(c.statuses).filter(([k]) => k !== '200')))} | ${c.seconds} s | ${c.throughput} req/s | ${c.p50} ms | ${c.p95} ms | ${c.p99} ms | ${c.max} ms |

### One request at a time: what the worker costs

| path | p50 | p95 |
|---|---:|---:|
| engine directly (parse + match + JSON.stringify) | ${s.direct.p50} ms | ${s.direct.p95} ms |
| HTTP, computation inline | ${s.inline.p50} ms | ${s.inline.p95} ms |
| HTTP, computation in a worker (default) | ${s.worker.p50} ms | ${s.worker.p95} ms |

Worker overhead per request (p50, worker − inline): **${s.workerOverheadP50} ms**; HTTP (client
and server), body transfer and the pipeline (p50, inline − direct): ${s.httpOverheadP50} ms.

Reading: the worker costs a structured clone of the parsed body in and of the rendered answer
(a string) out, and two messages — one or two milliseconds for this cohort, against the
guarantee that validation and solving never block the event loop and can be stopped at the
time limit. Under load the latency is queueing: on this ${machine.cores}-core machine the load
generator, the server's event loop (JSON parsing, sending) and ${machine.cores} worker threads
(validation, matching, rendering) share the cores, so with
${c.concurrency} requests in flight each waits for about ${c.concurrency} / ${c.throughput} s ≈ ${round((1000 * c.concurrency) / c.throughput)} ms on average.
Figures from one run on a machine shared with other work; they move by ±30% between runs.
`;
  writeFileSync(new URL('./SERVER.md', import.meta.url), md);
}
