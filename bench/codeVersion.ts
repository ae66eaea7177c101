import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/**
 * Which code was measured: the commit, plus the solver files (`src/solver/`, `src/errors.ts`)
 * that differ from it (read-only git queries; the benchmark never changes git state). Null
 * outside a checkout.
 */
export function codeVersion(): { readonly commit: string; readonly uncommitted: readonly string[] } | null {
  const cwd = fileURLToPath(new URL('..', import.meta.url));
  try {
    const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd, encoding: 'utf8' }).trim();
    const status = execFileSync('git', ['status', '--porcelain', '--', 'src/solver', 'src/errors.ts'], { cwd, encoding: 'utf8' });
    const uncommitted = status.split('\n').filter((l) => l.trim() !== '').map((l) => l.slice(3));
    return { commit, uncommitted };
  } catch {
    return null;
  }
}
