import { describe, expect, it } from 'vitest';
import { readChoice, readPage } from './url-state';

const params = (query: string) => new URLSearchParams(query);

describe('readPage', () => {
  it('reads a positive whole page number', () => {
    expect(readPage(params('page=1'))).toBe(1);
    expect(readPage(params('q=x&page=7'))).toBe(7);
  });

  it('defaults to page 1 for a missing or unusable value', () => {
    for (const query of ['', 'page=', 'page=0', 'page=-2', 'page=2.5', 'page=abc', 'page=Infinity', 'page=NaN']) {
      expect(readPage(params(query)), query).toBe(1);
    }
  });

  it('takes the first of repeated values', () => {
    expect(readPage(params('page=3&page=5'))).toBe(3);
  });
});

describe('readChoice', () => {
  const sorts = ['relevance', 'fee_asc', 'fee_desc'] as const;

  it('reads an allowed value', () => {
    expect(readChoice(params('sort=fee_asc'), 'sort', sorts, 'relevance')).toBe('fee_asc');
  });

  it('falls back for a missing, unknown or differently cased value', () => {
    expect(readChoice(params(''), 'sort', sorts, 'relevance')).toBe('relevance');
    expect(readChoice(params('sort=price'), 'sort', sorts, 'relevance')).toBe('relevance');
    expect(readChoice(params('sort=FEE_ASC'), 'sort', sorts, 'relevance')).toBe('relevance');
    expect(readChoice(params('order=fee_asc'), 'sort', sorts, 'fee_desc')).toBe('fee_desc');
  });

  it('can allow the empty value', () => {
    const genders = ['female', 'male', 'other', ''] as const;
    expect(readChoice(params('gender='), 'gender', genders, 'other')).toBe('');
    expect(readChoice(params('gender=any'), 'gender', genders, '')).toBe('');
  });
});
