import { z } from 'zod';
import { attributeDeclarationSchema } from '../model/attributeDeclarationSchema.js';
import { coacheeSchema } from '../model/coacheeSchema.js';
import { coachSchema } from '../model/coachSchema.js';
import { cohortSchema } from '../model/cohortSchema.js';
import { personSchema } from '../model/personSchema.js';
import { policyInputSchema } from '../model/policyInputSchema.js';
import { relationSchema } from '../model/relationSchema.js';
import { problemContentType } from './problemResponse.js';
import { problemTypes } from './problemTypes.js';
import { matchOptionsSchema } from '../model/http/matchOptionsSchema.js';
import { problemDetailsSchema } from '../model/http/problemDetailsSchema.js';
import type { NamedSchema, Route } from './types.js';

/** Shared parts of request bodies, named so that the route schemas refer to them instead of repeating them. */
const sharedSchemas: readonly NamedSchema[] = [
  { id: 'Cohort', schema: cohortSchema },
  { id: 'Coach', schema: coachSchema },
  { id: 'Coachee', schema: coacheeSchema },
  { id: 'Person', schema: personSchema },
  { id: 'Relation', schema: relationSchema },
  { id: 'AttributeDeclaration', schema: attributeDeclarationSchema },
  { id: 'PolicyInput', schema: policyInputSchema },
  { id: 'MatchOptions', schema: matchOptionsSchema },
  { id: 'ProblemDetails', schema: problemDetailsSchema },
];

const componentRef = (id: string) => ({ $ref: `#/components/schemas/${id}` });
const bodyMethods = new Set(['POST', 'PUT', 'PATCH']);

/** The 4xx/5xx a route can answer, by what it does. */
function problemStatuses(route: Route, secured: boolean): number[] {
  const statuses = new Set<number>();
  if (secured && route.public !== true) statuses.add(401);
  if (bodyMethods.has(route.method)) for (const s of [400, 413, 415, 422, 503]) statuses.add(s);
  // A body route refuses any query parameter it has no schema for; a GET only validates a schema it has.
  if (route.querySchema !== undefined) statuses.add(422);
  return [...statuses].sort((a, b) => a - b);
}

function problemDescription(status: number): string {
  return Object.values(problemTypes)
    .filter((type) => type.status === status)
    .map((type) => type.title)
    .join('; ');
}

/**
 * The OpenAPI 3.1 document of a route table. Every schema is generated from the zod schemas
 * with `z.toJSONSchema` (draft 2020-12, which OpenAPI 3.1 uses; `io: 'input'`, so defaulted
 * fields are optional as a client writes them); nothing is written by hand but the envelope.
 */
export function openApiDocument(routes: readonly Route[], options: { version: string; secured: boolean }): Record<string, unknown> {
  const registry = z.registry<{ id: string }>();
  const register = ({ id, schema }: NamedSchema) => {
    const known = registry.get(schema);
    if (known === undefined) registry.add(schema, { id });
  };
  for (const named of sharedSchemas) register(named);
  for (const route of routes) {
    if (route.bodySchema) register(route.bodySchema);
    for (const response of Object.values(route.responses ?? {})) if (response.schema) register(response.schema);
  }
  const generated = z.toJSONSchema(registry, { io: 'input', target: 'draft-2020-12', uri: (id) => `#/components/schemas/${id}` });
  const schemas: Record<string, unknown> = {};
  for (const [id, schema] of Object.entries(generated.schemas)) {
    const { $schema: _dialect, $id: _id, ...rest } = schema as Record<string, unknown>;
    schemas[id] = rest;
  }
  const idOf = (named: NamedSchema) => registry.get(named.schema)?.id ?? named.id;

  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    const responses: Record<string, unknown> = {};
    for (const [status, spec] of Object.entries(route.responses ?? {})) {
      const contentType = spec.contentType ?? 'application/json';
      responses[status] = {
        description: spec.description,
        content: { [contentType]: { schema: spec.schema ? componentRef(idOf(spec.schema)) : {} } },
      };
    }
    for (const status of problemStatuses(route, options.secured)) {
      responses[String(status)] = {
        description: problemDescription(status),
        content: { [problemContentType]: { schema: componentRef('ProblemDetails') } },
      };
    }
    const query = route.querySchema === undefined ? undefined : (z.toJSONSchema(route.querySchema, { io: 'input' }) as { properties?: Record<string, unknown>; required?: string[] });
    const parameters = Object.entries(query?.properties ?? {}).map(([name, schema]) => ({
      name,
      in: 'query',
      required: query?.required?.includes(name) ?? false,
      schema,
    }));
    paths[route.path] = {
      ...paths[route.path],
      [route.method.toLowerCase()]: {
        operationId: `${route.method.toLowerCase()}${route.path.replace(/[^A-Za-z0-9]+(.)?/g, (_, c: string | undefined) => (c ?? '').toUpperCase())}`,
        summary: route.summary,
        ...(route.description ? { description: route.description } : {}),
        ...(parameters.length > 0 ? { parameters } : {}),
        ...(route.bodySchema
          ? { requestBody: { required: true, content: { 'application/json': { schema: componentRef(idOf(route.bodySchema)) } } } }
          : {}),
        responses,
        ...(options.secured && route.public !== true ? { security: [{ apiKey: [] }, { bearer: [] }] } : { security: [] }),
      },
    };
  }

  return {
    openapi: '3.1.0',
    info: {
      title: 'coachmatch',
      version: options.version,
      description: 'Exact, explainable coach–coachee matching. Errors are RFC 9457 problem details (application/problem+json).',
    },
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    paths,
    components: {
      schemas,
      securitySchemes: {
        apiKey: { type: 'apiKey', in: 'header', name: 'x-api-key' },
        bearer: { type: 'http', scheme: 'bearer' },
      },
    },
  };
}
