import { ErrorBody, endpoints, type Endpoint } from '@doctime/contracts';
import { z } from 'zod';
import { createDocument, type ZodOpenApiPathsObject } from 'zod-openapi';

function operation(e: Endpoint) {
  const pathParams = [...e.path.matchAll(/:([A-Za-z]+)/g)].map((m) => m[1]!);
  const path = pathParams.length ? z.object(Object.fromEntries(pathParams.map((p) => [p, z.string()]))) : undefined;
  const success = e.response.schema
    ? { content: { [e.response.contentType ?? 'application/json']: { schema: e.response.schema } } }
    : {};
  return {
    summary: e.summary,
    tags: [e.tag],
    ...(e.access === 'public' ? {} : { security: [{ bearer: [] }] }),
    requestParams: { ...(path ? { path } : {}), ...(e.query ? { query: e.query } : {}) },
    ...(e.body ? { requestBody: { content: { 'application/json': { schema: e.body } } } } : {}),
    responses: {
      [String(e.response.status)]: { description: 'Success', ...success },
      default: { description: 'Error (codes in API.md)', content: { 'application/json': { schema: ErrorBody } } },
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
    components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } } },
    paths,
  });
}
