import { describe, expect, it } from 'vitest';
import { isErrorOfKind } from '../../src/errors.js';
import { parseByteSize } from '../../src/server/parseByteSize.js';
import { parseDuration } from '../../src/server/parseDuration.js';

describe(parseByteSize, () => {
  it('reads binary units and bare byte counts', () => {
    expect(parseByteSize('5mb')).toBe(5 * 1024 * 1024);
    expect(parseByteSize('512KB')).toBe(512 * 1024);
    expect(parseByteSize('1.5 MiB')).toBe(1.5 * 1024 * 1024);
    expect(parseByteSize('1000')).toBe(1000);
  });
  it('rejects anything else as invalidArgument', () => {
    for (const text of ['', 'mb', '5 megabytes', '-1mb', '0', '30constructor', '1valueof']) {
      expect(() => parseByteSize(text)).toThrow();
      try {
        parseByteSize(text);
      } catch (error) {
        expect(isErrorOfKind(error, 'invalidArgument')).toBe(true);
      }
    }
  });
});

describe(parseDuration, () => {
  it('reads ms, s and m; a bare number is seconds', () => {
    expect(parseDuration('500ms')).toBe(500);
    expect(parseDuration('30s')).toBe(30_000);
    expect(parseDuration('2m')).toBe(120_000);
    expect(parseDuration('1.5')).toBe(1500);
  });
  it('rejects anything else', () => {
    for (const text of ['', 's', '30 sec', '-5s', '0ms', '30constructor', '1valueof']) expect(() => parseDuration(text)).toThrow();
  });
  it('rejects durations over 2^31 - 1 ms, which Node\'s timers turn into 1 ms', () => {
    expect(parseDuration('2147483647ms')).toBe(2 ** 31 - 1);
    for (const text of ['2147483648ms', '2147484s', '35792m', '1000000000000s']) expect(() => parseDuration(text), text).toThrow(/at most 2147483647 ms/);
  });
});
