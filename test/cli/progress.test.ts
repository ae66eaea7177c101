import { describe, expect, it } from 'vitest';
import { createProgress } from '../../src/cli/progress.js';

function fakeStream(isTTY: boolean) {
  const writes: string[] = [];
  return { stream: { isTTY, write: (text: string) => writes.push(text) }, writes };
}

describe(createProgress, () => {
  it('writes nothing when stderr is not a terminal (piped or redirected)', () => {
    const { stream, writes } = fakeStream(false);
    const progress = createProgress('matching', { stream, total: 10 });
    for (let i = 1; i <= 10; i++) progress.update(i);
    progress.finish();
    expect(writes).toEqual([]);
  });

  it('on a terminal, redraws one line with the percentage and count, then erases it', () => {
    const { stream, writes } = fakeStream(true);
    let clock = 0;
    const progress = createProgress('scenarios', { stream, total: 4, intervalMs: 100, now: () => clock });
    clock = 150;
    progress.update(1);
    clock = 300;
    progress.update(2);
    progress.finish();
    expect(writes).toHaveLength(3);
    expect(writes[0]).toMatch(/^\r\x1b\[2Kscenarios\s+25% \(1\/4\)\s+0\.1 s$/);
    expect(writes[1]).toContain('50% (2/4)');
    expect(writes[2]).toBe('\r\x1b[2K');
  });

  it('redraws at most once per interval, but always shows completion', () => {
    const { stream, writes } = fakeStream(true);
    let clock = 0;
    const progress = createProgress('x', { stream, total: 1000, intervalMs: 100, now: () => clock });
    for (let i = 1; i <= 1000; i++) {
      clock = i / 10; // 100 ms in all
      progress.update(i);
    }
    expect(writes.length).toBeLessThanOrEqual(3);
    expect(writes.at(-1)).toContain('100% (1000/1000)');
  });

  it('counts without a percentage when the total is unknown, and can be forced on', () => {
    const { stream, writes } = fakeStream(false);
    const progress = createProgress('rows', { stream, enabled: true, intervalMs: 0 });
    progress.update(42);
    expect(writes[0]).toMatch(/rows\s+42\s/);
  });
});
