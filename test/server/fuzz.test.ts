import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { serverForSuite } from './startTestServer.js';

const alumni = JSON.parse(readFileSync(new URL('../../fixtures/alumni-programme.json', import.meta.url), 'utf8')) as Record<string, unknown>;

/** The alumni cohort with the value at one random path replaced by arbitrary JSON (or deleted). */
const mutatedCohort = fc
  .tuple(fc.array(fc.nat(), { minLength: 1, maxLength: 4 }), fc.option(fc.jsonValue({ maxDepth: 2 }), { nil: undefined }))
  .map(([choices, replacement]) => {
    const copy = structuredClone(alumni) as Record<string, unknown>;
    let node: unknown = copy;
    for (let depth = 0; depth < choices.length; depth++) {
      if (node === null || typeof node !== 'object') break;
      const keys = Object.keys(node as object);
      if (keys.length === 0) break;
      const key = keys[choices[depth]! % keys.length]!;
      if (depth === choices.length - 1 || typeof (node as Record<string, unknown>)[key] !== 'object') {
        if (replacement === undefined) delete (node as Record<string, unknown>)[key];
        else (node as Record<string, unknown>)[key] = replacement;
        break;
      }
      node = (node as Record<string, unknown>)[key];
    }
    return JSON.stringify(copy);
  });

const body = fc.oneof(
  mutatedCohort,
  fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)),
  fc.string({ maxLength: 200 }),
  fc.string({ unit: 'binary', maxLength: 100 }),
  fc.constantFrom('{', '[', '{"coaches":', 'null', '{"weights":[[1,2],[3]]}', '{"rows":3,"cols":2,"edges":[[0,0,1],[5,1,2]]}', '\uFEFF{}', `{"coaches":${'['.repeat(5000)}${']'.repeat(5000)}}`),
);

const request = fc.record({
  method: fc.constantFrom('POST', 'POST', 'POST', 'GET', 'PUT', 'DELETE', 'PATCH'),
  path: fc.constantFrom('/match', '/validate', '/solve', '/health', '/openapi.json', '/', '/match/', '/%ff', '/solve/../match'),
  query: fc.constantFrom('', '?preset=default', '?preset=%00', '?format=md', '?format=pdf', '?allowUnmatched=false', '?method=jv', '?method=lp', '?x=1&x=2'),
  contentType: fc.constantFrom('application/json', 'application/json', 'text/plain', 'application/problem+json', ''),
  body,
});

describe('the server under random and malformed requests', () => {
  const s = serverForSuite({ workers: 2, maxBodyBytes: 50_000 });

  it('never answers 5xx, always answers errors as problem details, and stays up', async () => {
    await fc.assert(
      fc.asyncProperty(request, async ({ method, path, query, contentType, body }) => {
        const headers: Record<string, string> = contentType === '' ? {} : { 'content-type': contentType };
        const hasBody = method !== 'GET';
        const response = await fetch(`${s.url}${path}${query}`, { method, headers, ...(hasBody ? { body: Buffer.from(body, 'latin1') } : {}) });
        const text = await response.text();
        expect(response.status, text).toBeLessThan(500);
        if (response.status >= 400) {
          expect(response.headers.get('content-type')).toBe('application/problem+json');
          const problem = JSON.parse(text);
          expect(problem.status).toBe(response.status);
          expect(typeof problem.type).toBe('string');
        }
      }),
      { numRuns: 250 },
    );
    expect((await fetch(`${s.url}/health`)).status).toBe(200);
    const statuses = new Set(s.logs.map((line) => JSON.parse(line).status as number));
    expect([...statuses].every((status) => status < 500)).toBe(true);
    // The generator reaches every stage of the pipeline, not just the first check.
    for (const status of [200, 400, 404, 405, 415, 422]) expect(statuses, `saw ${[...statuses]}`).toContain(status);
  });
});
