/** The HTTP API: `createServer`, the route table and what a new route needs. */
export { createServer, type CoachmatchServer } from './createServer.js';
export { defaultServerOptions, type ServerOptions } from './serverOptions.js';
export { defaultRoutes } from './defaultRoutes.js';
export { defineRoute } from './defineRoute.js';
export { jsonResponse } from './jsonResponse.js';
export { problemResponse, problemContentType } from './problemResponse.js';
export { problemTypes, type ProblemType } from './problemTypes.js';
export { jobFailureResponse } from './jobFailureResponse.js';
export { pairLimitResponse } from './pairLimitResponse.js';
export { openApiDocument } from './openApiDocument.js';
export { createWorkerPool, defaultWorkerPoolOptions, type WorkerPoolOptions } from './createWorkerPool.js';
export type { HttpMethod, JobRef, JobResult, JobRunner, JobRunOptions, NamedSchema, ResponseSpec, Route, RouteContext, RouteRequest, RouteResponse, ServerLimits } from './types.js';
