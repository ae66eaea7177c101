import { describe, expect, it } from 'vitest';
import { decodeStrictUtf8 } from '../../src/text/decodeStrictUtf8.js';

const bytes = (text: string) => new TextEncoder().encode(text);

describe(decodeStrictUtf8, () => {
  it('removes one leading byte-order mark, not two (a second one was removed as well)', () => {
    expect(decodeStrictUtf8(bytes('\uFEFF{"a":1}'))).toEqual({ text: '{"a":1}' });
    expect(decodeStrictUtf8(bytes('\uFEFF\uFEFF{"a":1}'))).toEqual({ text: '\uFEFF{"a":1}' });
    expect(decodeStrictUtf8(bytes('{"a":"\uFEFF"}'))).toEqual({ text: '{"a":"\uFEFF"}' });
  });

  it('says the line of the first bytes that are not UTF-8, and the encoding a byte-order mark names', () => {
    expect(decodeStrictUtf8(new Uint8Array([0x61, 0x0a, 0x62, 0xe9]))).toEqual({ badLine: 2, encoding: null });
    expect(decodeStrictUtf8(new Uint8Array([0xff, 0xfe, 0x61, 0x00]))).toEqual({ badLine: 1, encoding: 'UTF-16' });
  });
});
