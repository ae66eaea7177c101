import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defaultRoutes } from '../../src/server/defaultRoutes.js';
import { defineRoute } from '../../src/server/defineRoute.js';
import { jsonResponse } from '../../src/server/jsonResponse.js';
import { startTestServer } from './startTestServer.js';

type Doc = {
  openapi: string;
  paths: Record<string, Record<string, any>>;
  components: { schemas: Record<string, any>; securitySchemes: Record<string, any> };
};

/** Every `$ref` in a JSON value. */
function refsIn(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) for (const v of value) refsIn(v, out);
  else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k === '$ref' && typeof v === 'string') out.push(v);
      else refsIn(v, out);
    }
  }
  return out;
}

describe('GET /openapi.json', () => {
  let s: Awaited<ReturnType<typeof startTestServer>>;
  let doc: Doc;
  beforeAll(async () => {
    s = await startTestServer({ apiKey: 'secret' });
    const response = await fetch(`${s.url}/openapi.json`, { headers: { 'x-api-key': 'secret' } });
    expect(response.status).toBe(200);
    doc = (await response.json()) as Doc;
  });
  afterAll(() => s.close());

  it('is an OpenAPI 3.1 document with an operation for every route', () => {
    expect(doc.openapi).toMatch(/^3\.1\./);
    for (const route of defaultRoutes) {
      const operation = doc.paths[route.path]?.[route.method.toLowerCase()];
      expect(operation, `${route.method} ${route.path}`).toBeDefined();
      expect(operation.responses['200']).toBeDefined();
    }
  });

  it('has the cohort, problem, options and problem-details schemas as components, generated from zod', () => {
    const { schemas } = doc.components;
    for (const id of ['Cohort', 'MatchRequest', 'MatchOptions', 'AssignmentProblem', 'ProblemDetails', 'Coach', 'Coachee']) expect(schemas[id], id).toBeDefined();
    expect(schemas.Cohort.required).toEqual(expect.arrayContaining(['coaches', 'coachees']));
    expect(schemas.Cohort.properties.coaches.items).toEqual({ $ref: '#/components/schemas/Coach' });
    expect(schemas.MatchRequest.properties.options).toEqual({ $ref: '#/components/schemas/MatchOptions' });
    expect(schemas.MatchRequest.additionalProperties).toBe(false);
    expect(schemas.MatchOptions.properties.preset.enum).toEqual(['default', 'similarity-first', 'diversity-first']);
    expect(schemas.AssignmentProblem.properties.sense.enum).toEqual(['max', 'min']);
    expect(schemas.ProblemDetails.required).toEqual(expect.arrayContaining(['type', 'title', 'status', 'detail']));
  });

  it('points every $ref at an existing component', () => {
    const refs = refsIn(doc);
    expect(refs.length).toBeGreaterThan(10);
    for (const ref of refs) {
      expect(ref).toMatch(/^#\/components\/schemas\//);
      expect(doc.components.schemas[ref.slice('#/components/schemas/'.length)], ref).toBeDefined();
    }
  });

  it('documents request bodies, query parameters, problem responses and the API key', () => {
    const match = doc.paths['/match']!.post;
    expect(match.requestBody.content['application/json'].schema).toEqual({ $ref: '#/components/schemas/MatchRequest' });
    expect(match.parameters.map((p: { name: string }) => p.name).sort()).toEqual(['allowUnmatched', 'candidateK', 'candidates', 'format', 'maxRounds', 'preset']);
    for (const status of ['400', '401', '413', '415', '422', '503']) {
      expect(match.responses[status].content['application/problem+json'].schema).toEqual({ $ref: '#/components/schemas/ProblemDetails' });
    }
    expect(match.security).toEqual([{ apiKey: [] }, { bearer: [] }]);
    // Which size limit a match is held to depends on its candidates option: the description says which.
    expect(match.description).toContain("up to the server's maxPairs (default 4000000), on candidate pairs (always, or auto beyond) up to its maxCandidatePairs (default 100000000)");
    expect(doc.paths['/health']!.get.security).toEqual([]);
    expect(doc.components.securitySchemes.apiKey).toMatchObject({ type: 'apiKey', in: 'header', name: 'x-api-key' });
  });
});

describe('registering a route', () => {
  it('serves it through the same pipeline and documents it', async () => {
    const echoRoute = defineRoute({
      method: 'POST',
      path: '/echo',
      summary: 'Echo a word',
      bodySchema: { id: 'EchoRequest', schema: z.strictObject({ word: z.string().min(1) }) },
      handler: ({ body }) => jsonResponse({ echo: (body as { word: string }).word }),
    });
    const s = await startTestServer({ routes: [...defaultRoutes, echoRoute] });
    try {
      expect(await (await s.post('/echo', { word: 'hi' })).json()).toEqual({ echo: 'hi' });
      const bad = await s.post('/echo', { word: '', extra: 1 });
      expect(bad.status).toBe(422);
      expect(((await bad.json()) as any).errors.map((e: { path: string }) => e.path).sort()).toEqual(['$.extra', '$.word']);
      const doc = (await (await fetch(`${s.url}/openapi.json`)).json()) as Doc;
      expect(doc.paths['/echo']!.post.requestBody.content['application/json'].schema).toEqual({ $ref: '#/components/schemas/EchoRequest' });
      expect(doc.components.schemas.EchoRequest.required).toEqual(['word']);
    } finally {
      await s.close();
    }
  });
});
