import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toJsonPath } from '../../src/model/toJsonPath.js';
import { maxJsonDepth, parseJsonText } from '../../src/text/parseJsonText.js';
import { runs } from '../helpers/runs.js';

/** A JSON tree whose objects are lists of entries, so that a key may repeat, as it may in text. */
type Tree = null | boolean | number | string | { list: Tree[] } | { entries: [string, Tree][] };

const key = fc.oneof(fc.constantFrom('a', 'b', 'capacity', '__proto__', 'héllo wörld', ''), fc.string({ maxLength: 3 }));
const tree = fc.letrec<{ node: Tree }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom<Tree>(null, true, false, 0, -1.5, 1e21),
    fc.string({ unit: 'grapheme', maxLength: 4 }),
    fc.array(tie('node'), { maxLength: 4 }).map((list) => ({ list })),
    fc.array(fc.tuple(key, tie('node')), { maxLength: 4 }).map((entries) => ({ entries })),
  ),
})).node;

/** The tree as JSON text, spaced by `space` (every JSON whitespace), keeping every repeated key. */
function textOf(node: Tree, space: string): string {
  if (node === null || typeof node !== 'object') return JSON.stringify(node);
  if ('list' in node) return `[${space}${node.list.map((n) => textOf(n, space)).join(`,${space}`)}${space}]`;
  return `{${space}${node.entries.map(([k, v]) => `${JSON.stringify(k)}${space}:${space}${textOf(v, space)}`).join(`,${space}`)}${space}}`;
}

/** The JSON path of every repeat of a key within one object (the second, third … occurrence). */
function repeatedKeyPaths(node: Tree, path: (string | number)[] = []): string[] {
  if (node === null || typeof node !== 'object') return [];
  if ('list' in node) return node.list.flatMap((n, i) => repeatedKeyPaths(n, [...path, i]));
  const seen = new Set<string>();
  return node.entries.flatMap(([k, v]) => {
    const here = seen.has(k) ? [toJsonPath([...path, k])] : [];
    seen.add(k);
    return [...here, ...repeatedKeyPaths(v, [...path, k])];
  });
}

const spacing = fc.constantFrom('', ' ', '\n', '\t', '\r\n  ');

describe(parseJsonText, () => {
  it('gives the value JSON.parse gives for any JSON text without a repeated key', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6, stringUnit: 'grapheme' }), spacing, (value, space) => {
        for (const text of [JSON.stringify(value), JSON.stringify(value, null, space === '' ? undefined : 2)]) {
          expect(parseJsonText(text)).toEqual({ ok: true, value: JSON.parse(text) });
        }
      }),
      { numRuns: runs(300) },
    );
  });

  it('refuses an object with a repeated key anywhere, at the JSON path of each repeat, and accepts the text otherwise', () => {
    fc.assert(
      fc.property(tree, spacing, (node, space) => {
        const text = textOf(node, space);
        const expected = repeatedKeyPaths(node);
        const read = parseJsonText(text);
        if (expected.length === 0) expect(read).toEqual({ ok: true, value: JSON.parse(text) });
        else {
          expect(read.ok).toBe(false);
          if (!read.ok && read.reason === 'refused') {
            expect(read.issues.map((i) => i.path).sort()).toEqual(expected.slice(0, 100).sort());
            expect(read.issueCount).toBe(expected.length);
          } else expect.fail(`expected refused, got ${JSON.stringify(read)}`);
        }
      }),
      { numRuns: runs(300) },
    );
  });

  it('names the repeated key of a cohort record', () => {
    const read = parseJsonText('{"coaches":[{"id":"c0"},{"id":"c1"},{"id":"c2"},{"id":"c3","capacity":2,"capacity":0}]}');
    expect(read).toMatchObject({ ok: false, reason: 'refused', issueCount: 1, issues: [{ path: '$.coaches[3].capacity', message: expect.stringContaining('"capacity" is given more than once') }] });
  });

  it('refuses keys and strings that are not well-formed Unicode, at their paths, and accepts surrogate pairs', () => {
    const read = parseJsonText('{"coaches":[{"id":"c\\ud800"},{"id":"c\\udbff"}],"x\\udc00y":1,"ok":"\\ud83d\\ude00"}');
    expect(read.ok).toBe(false);
    if (read.ok || read.reason !== 'refused') throw new Error('refused expected');
    expect(read.issues.map((i) => i.path)).toEqual(['$.coaches[0].id', '$.coaches[1].id', '$["x\\udc00y"]']);
    expect(read.issues[0]!.message).toContain('\\ud800');
    expect(parseJsonText('{"ok":"\\ud83d\\ude00","😀":"é"}')).toEqual({ ok: true, value: { ok: '😀', '😀': 'é' } });
  });

  it('refuses any text holding a lone surrogate escape in a string, wherever it is', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 3 }), fc.integer({ min: 0xd800, max: 0xdfff }), fc.nat(), (value, code, at) => {
        // Put the lone surrogate into one string of the text: a key or a value.
        const text = JSON.stringify({ v: value, s: 'x' });
        fc.pre(!text.includes('\\"')); // every quote then opens or closes a string
        const quotes = [...text.matchAll(/"/g)].map((m) => m.index);
        const quote = quotes[(at % (quotes.length / 2)) * 2]!; // an opening quote
        const mutated = `${text.slice(0, quote + 1)}\\u${code.toString(16)}${text.slice(quote + 1)}`;
        const read = parseJsonText(mutated);
        expect(read.ok && JSON.stringify(read.value), mutated).toBe(false);
      }),
      { numRuns: runs(200) },
    );
  });

  it(`refuses nesting deeper than ${maxJsonDepth} levels at $, without recursing into it`, () => {
    const nested = (levels: number) => `${'['.repeat(levels)}${']'.repeat(levels)}`;
    expect(parseJsonText(nested(maxJsonDepth)).ok).toBe(true);
    expect(parseJsonText(nested(maxJsonDepth + 1))).toEqual({ ok: false, reason: 'refused', issues: [{ path: '$', message: `nested deeper than ${maxJsonDepth} levels` }], issueCount: 1 });
    // A million levels would overflow a recursive parser's stack.
    expect(parseJsonText(nested(1_000_000))).toMatchObject({ ok: false, reason: 'refused' });
    expect(parseJsonText(`{"a":${'{"a":'.repeat(200_000)}1${'}'.repeat(200_001)}`)).toMatchObject({ ok: false, reason: 'refused' });
  });

  it('reports text that is not JSON as malformed, with JSON.parse\'s message', () => {
    for (const text of ['', '{', '{"a":1,}', '[1 2]', "{'a':1}", '// comment\n1', 'nul']) {
      const read = parseJsonText(text);
      expect(read).toMatchObject({ ok: false, reason: 'malformed', message: expect.any(String) });
    }
  });

  it('keeps 100 issues of a body that repeats a key a hundred thousand times, with their count', () => {
    const read = parseJsonText(`{${Array.from({ length: 100_000 }, () => '"a":1').join(',')}}`);
    expect(read).toMatchObject({ ok: false, reason: 'refused', issueCount: 99_999 });
    if (!read.ok && read.reason === 'refused') expect(read.issues).toHaveLength(100);
  });
});
