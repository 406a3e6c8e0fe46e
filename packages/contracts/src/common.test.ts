import { describe, expect, it } from 'vitest';
import { trimmedText } from './common.ts';

describe('trimmedText', () => {
  const samples = [
    '',
    ' ',
    'a',
    ' a ',
    'ab',
    'a b',
    '\t\n ab \n',
    '\uFEFFab\uFEFF',
    '\uFEFFa\uFEFF',
    'abc',
    ' abc ',
    'a  c',
    'x'.repeat(20),
  ];

  it.each([1, 2, 3, 20])('states in its OpenAPI pattern exactly what min %i means after trimming', (min) => {
    const schema = trimmedText(min, 100);
    const pattern = new RegExp(schema.meta()?.['pattern'] as string, 'u');
    for (const sample of [...samples, ` ${'y'.repeat(min)} `, ` ${'y'.repeat(min - 1)} `]) {
      expect(pattern.test(sample), JSON.stringify(sample)).toBe(schema.safeParse(sample).success);
    }
  });
});
