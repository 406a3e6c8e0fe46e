import { endpoints } from '@doctime/contracts';
import { describe, expect, it } from 'vitest';
import { buildOpenApiDocument } from './openapi.ts';

const document = buildOpenApiDocument();
const operationOf = (method: string, path: string) =>
  (document.paths?.[path.replace(/:([A-Za-z]+)/g, '{$1}')] as Record<string, Record<string, unknown>>)[method]!;

describe('the OpenAPI document', () => {
  it('gives every operation its id, its security and at least one 4xx answer', () => {
    for (const e of endpoints) {
      const op = operationOf(e.method, e.path);
      expect(op['operationId']).toBe(e.operationId);
      expect(op['security'], e.operationId).toBeDefined();
      expect(
        Object.keys(op['responses'] as object).some((s) => s.startsWith('4')),
        e.operationId,
      ).toBe(true);
    }
  });

  it('marks public operations open, the refresh cookie as a scheme, the rest as bearer', () => {
    expect(operationOf('get', '/api/v1/specialties')['security']).toEqual([]);
    expect(operationOf('post', '/api/v1/auth/refresh')['security']).toEqual([{ refreshCookie: [] }]);
    expect(operationOf('post', '/api/v1/auth/logout')['security']).toEqual([{ refreshCookie: [] }, {}]);
    expect(operationOf('get', '/api/v1/me')['security']).toEqual([{ bearer: [] }]);
    expect(document.components?.securitySchemes?.['refreshCookie']).toMatchObject({ type: 'apiKey', in: 'cookie' });
  });

  it('requires the bodies it documents and names the 4xx codes', () => {
    const book = operationOf('post', '/api/v1/appointments') as {
      requestBody: { required: boolean };
      responses: Record<string, { description: string }>;
    };
    expect(book.requestBody.required).toBe(true);
    expect(book.responses['409']?.description).toBe('CONFLICT, SLOT_UNAVAILABLE');
    expect(book.responses['403']?.description).toBe('FORBIDDEN, ACCOUNT_BLOCKED');
  });
});
