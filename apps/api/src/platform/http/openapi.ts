import {
  ErrorBody,
  Id,
  REFRESH_COOKIE,
  endpoints,
  errorCodes,
  errorStatus,
  type Endpoint,
  type ErrorCode,
} from '@doctime/contracts';
import { z } from 'zod';
import { createDocument, type ZodOpenApiOperationObject, type ZodOpenApiPathsObject } from 'zod-openapi';

const pathParamsOf = (e: Endpoint) => [...e.path.matchAll(/:([A-Za-z]+)/g)].map((m) => m[1]!);
const signedIn = (e: Endpoint) => e.access === 'user' || Array.isArray(e.access);

/**
 * The error codes an endpoint may answer with, in the contract's order: 400
 * (any request: invalid input, or a body or path that cannot be decoded),
 * those its access and path imply, and its own.
 */
function errorCodesOf(e: Endpoint): ErrorCode[] {
  const codes = new Set<ErrorCode>(['VALIDATION_FAILED']);
  const hasPathParams = pathParamsOf(e).length > 0;
  if (e.access === 'session' || signedIn(e)) codes.add('UNAUTHENTICATED');
  if (Array.isArray(e.access)) codes.add('FORBIDDEN');
  if (signedIn(e)) codes.add('ACCOUNT_BLOCKED');
  if (hasPathParams) codes.add('NOT_FOUND');
  for (const code of e.errors ?? []) codes.add(code);
  return errorCodes.filter((code) => codes.has(code));
}

const errorContent = { 'application/json': { schema: ErrorBody } };

/** One response per error status, naming its codes; `default` covers the rest (413, 500, ...). */
function errorResponses(e: Endpoint) {
  const byStatus = new Map<number, ErrorCode[]>();
  for (const code of errorCodesOf(e)) byStatus.set(errorStatus[code], [...(byStatus.get(errorStatus[code]) ?? []), code]);
  return Object.fromEntries(
    [...byStatus]
      .sort(([a], [b]) => a - b)
      .map(([status, codes]) => [String(status), { description: codes.join(', '), content: errorContent }]),
  );
}

function securityOf(e: Endpoint): ZodOpenApiOperationObject['security'] {
  if (e.access === 'public') return [];
  if (e.access === 'session') return [{ refreshCookie: [] }];
  if (e.access === 'optional-session') return [{ refreshCookie: [] }, {}];
  return [{ bearer: [] }];
}

function operation(e: Endpoint): ZodOpenApiOperationObject {
  const pathParams = pathParamsOf(e);
  const success = e.response.schema
    ? { content: { [e.response.contentType ?? 'application/json']: { schema: e.response.schema } } }
    : {};
  return {
    operationId: e.operationId,
    summary: e.summary,
    tags: [e.tag],
    security: securityOf(e),
    requestParams: {
      ...(pathParams.length ? { path: z.object(Object.fromEntries(pathParams.map((p) => [p, Id]))) } : {}),
      ...(e.query ? { query: e.query } : {}),
      ...(e.headers ? { header: e.headers } : {}),
    },
    ...(e.body ? { requestBody: { required: true, content: { 'application/json': { schema: e.body } } } } : {}),
    responses: {
      [String(e.response.status)]: { description: 'Success', ...success },
      ...(e.response.replayStatus
        ? { [String(e.response.replayStatus)]: { description: 'Done already: the answer to a retry', ...success } }
        : {}),
      ...errorResponses(e),
      default: { description: 'Any other error (codes in API.md)', content: errorContent },
    },
  };
}

/** The OpenAPI 3.1 document, generated from the contract's endpoint catalogue. */
export function buildOpenApiDocument() {
  const paths: ZodOpenApiPathsObject = {};
  for (const e of endpoints) {
    const key = e.path.replace(/:([A-Za-z]+)/g, '{$1}');
    paths[key] = { ...paths[key], [e.method]: operation(e) };
  }
  return createDocument({
    openapi: '3.1.0',
    info: { title: 'DocTime API', version: '1.0.0' },
    servers: [{ url: '/', description: 'The server that serves this document' }],
    components: {
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' },
        refreshCookie: { type: 'apiKey', in: 'cookie', name: REFRESH_COOKIE },
      },
    },
    paths,
  });
}
