import { createRequire } from 'node:module';
import { defineRoute } from '../defineRoute.js';
import { openApiDocument } from '../openApiDocument.js';
import type { Route } from '../types.js';

const { version } = createRequire(import.meta.url)('../../../package.json') as { version: string };

// Generated once per route table: it never changes while a server runs.
const cache = new WeakMap<readonly Route[], Map<boolean, string>>();

/** `GET /openapi.json`: the OpenAPI 3.1 document of this server's routes, generated from the zod schemas. */
export const openApiRoute = defineRoute({
  method: 'GET',
  path: '/openapi.json',
  summary: 'OpenAPI 3.1 document',
  responses: { '200': { description: 'The OpenAPI document of every route.', contentType: 'application/json' } },
  handler(_request, context) {
    const documents = cache.get(context.routes) ?? new Map<boolean, string>();
    cache.set(context.routes, documents);
    let body = documents.get(context.secured);
    if (body === undefined) {
      body = JSON.stringify(openApiDocument(context.routes, { version, secured: context.secured }));
      documents.set(context.secured, body);
    }
    return { status: 200, contentType: 'application/json; charset=utf-8', body };
  },
});
