import { describe, expect, it } from 'vitest';
import { parseJsonBody } from '../../src/server/parseJsonBody.js';

const bytes = (text: string) => new TextEncoder().encode(text);

describe(parseJsonBody, () => {
  it('reads a body after one byte-order mark, and refuses a second one as not JSON, as the CLI does for a file', () => {
    expect(parseJsonBody(bytes('\uFEFF{"a":1}'))).toEqual({ ok: true, value: { a: 1 } });
    expect(parseJsonBody(bytes('\uFEFF\uFEFF{"a":1}'))).toMatchObject({ ok: false, reason: 'malformed' });
  });

  it('refuses bytes that are not UTF-8, and an empty body', () => {
    expect(parseJsonBody(new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]))).toEqual({ ok: false, reason: 'malformed', message: 'the body is not valid UTF-8' });
    expect(parseJsonBody(bytes('\uFEFF  '))).toEqual({ ok: false, reason: 'malformed', message: 'the body is empty' });
  });
});
