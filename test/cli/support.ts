/** Shared material for the CLI tests: running the CLI in-process or as a process, temp files. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { vi } from 'vitest';
import { runCli } from '../../src/cli/runCli.js';

/** What one CLI run printed and returned. */
export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
  /** How many separate writes went to stderr (one error = one write). */
  readonly stderrWrites: number;
}

/** Runs `runCli(argv)` in-process, capturing what it writes to stdout and stderr. */
export async function runInProcess(argv: string[]): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stdout += String(chunk);
    return true;
  });
  const err = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stderr += String(chunk);
    return true;
  });
  try {
    const code = await runCli(argv);
    return { code, stdout, stderr, stderrWrites: err.mock.calls.length };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}

/** The repository root. */
export const root = fileURLToPath(new URL('../../', import.meta.url));

/** Runs `node --import tsx src/cli/main.ts …` as a separate process. */
export function runProcess(argv: string[], stdio?: { stdout?: number; stderr?: number }): CliRun {
  const result = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'src/cli/main.ts'), ...argv], {
    cwd: root,
    encoding: 'utf8',
    timeout: 30_000,
    // A descriptor given (say /dev/full) replaces the pipe: what was written there is not read back.
    stdio: ['pipe', stdio?.stdout ?? 'pipe', stdio?.stderr ?? 'pipe'],
  });
  return { code: result.status ?? -1, stdout: result.stdout ?? '', stderr: result.stderr ?? '', stderrWrites: (result.stderr ?? '').length > 0 ? 1 : 0 };
}

/** A fresh temporary directory, with helpers to write files into it and list it. */
export function tempDir() {
  const dir = mkdtempSync(join(tmpdir(), 'coachmatch-cli-'));
  return {
    dir,
    path: (name: string) => join(dir, name),
    write: (name: string, content: unknown) => {
      const file = join(dir, name);
      writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
      return file;
    },
    list: () => readdirSync(dir).sort(),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** The alumni-programme fixture's path. */
export const alumniFixture = join(root, 'fixtures/alumni-programme.json');

const support = { socioEmotional: 3, network: 3, autonomy: 3, career: 3 };

/** A small valid cohort document. */
export function smallCohort(): any {
  return {
    attributes: [
      { key: 'age', kind: 'numeric', role: 'identity', scale: { min: 18, max: 70 } },
      { key: 'gender', kind: 'categorical', role: 'identity' },
    ],
    coaches: [
      { id: 'c1', name: 'Coach One', capacity: 2, attributes: { age: 40, gender: 'f' }, support },
      { id: 'c2', name: 'Coach Two', capacity: 1, attributes: { age: 50 }, support },
    ],
    coachees: [
      { id: 's1', name: 'Student One', attributes: { gender: 'f' }, needs: support, preferences: ['c2'] },
      { id: 's2', name: 'Student Two', needs: support },
    ],
    people: [{ id: 'p1', name: 'Evaluator' }],
    relations: [{ from: 'p1', to: 's1', type: 'evaluates' }],
  };
}
