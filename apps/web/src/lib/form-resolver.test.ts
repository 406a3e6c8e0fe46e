import type { FieldErrors, Resolver, ResolverOptions } from 'react-hook-form';
import { describe, expect, it, vi } from 'vitest';
import { mappedResolver, numberOrUndefined } from './form-resolver';

describe('numberOrUndefined', () => {
  it('passes finite numbers and reads numeric text', () => {
    expect(numberOrUndefined(0)).toBe(0);
    expect(numberOrUndefined(-2.5)).toBe(-2.5);
    expect(numberOrUndefined('42')).toBe(42);
    expect(numberOrUndefined(' 1.5 ')).toBe(1.5);
  });

  it('gives undefined for empty or unreadable values', () => {
    for (const value of ['', null, undefined, 'abc', '1,5', Number.NaN, Number.POSITIVE_INFINITY, 'Infinity']) {
      expect(numberOrUndefined(value), String(value)).toBeUndefined();
    }
  });
});

describe('mappedResolver', () => {
  interface Form {
    name: string;
    age: number | string;
  }
  interface Request {
    name: string;
    age: number | undefined;
  }
  const toRequest = (values: Form): Request => ({ name: values.name.trim(), age: numberOrUndefined(values.age) });
  const options = { fields: {}, shouldUseNativeValidation: false } as ResolverOptions<Form>;

  it('validates the mapped request and returns its values', async () => {
    const inner = vi.fn<Resolver<Request, unknown, Request>>(async (values) => ({ values, errors: {} }));
    const result = await mappedResolver(inner, toRequest)({ name: ' Asha ', age: '30' }, 'ctx', options);
    expect(inner).toHaveBeenCalledWith({ name: 'Asha', age: 30 }, 'ctx', options);
    expect(result).toEqual({ values: { name: 'Asha', age: 30 }, errors: {} });
  });

  it('returns the request’s errors on the same field paths, with no values', async () => {
    const errors: FieldErrors<Request> = { age: { type: 'invalid_type', message: 'Enter your age' } };
    const inner: Resolver<Request, unknown, Request> = async () => ({ values: {}, errors });
    const result = await mappedResolver(inner, toRequest)({ name: 'Asha', age: '' }, undefined, options);
    expect(result).toEqual({ values: {}, errors: { age: { type: 'invalid_type', message: 'Enter your age' } } });
  });
});
