import { describe, expect, it } from 'vitest';
import { capitalize, formatBytes, formatDate, formatDateTime, formatMoney, formatYears } from './format';

// Dates and money follow the viewer's locale and zone (the test machine's here),
// so these tests check what is shown rather than one locale's spelling.

describe('formatDate / formatDateTime', () => {
  const iso = '2026-03-03T14:05:00Z';

  it('shows an em dash when there is no readable date', () => {
    for (const value of [undefined, null, '', 'not a date', '2026-02-30T25:00:00Z']) {
      expect(formatDate(value)).toBe('—');
      expect(formatDateTime(value)).toBe('—');
    }
  });

  it('shows day, short month and year in the viewer’s locale, without a time', () => {
    const expected = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric' }).format(
      new Date(iso),
    );
    expect(formatDate(iso)).toBe(expected);
    expect(formatDate(iso)).toContain('2026');
    expect(formatDate(iso)).not.toMatch(/\d:\d\d/);
  });

  it('adds the time with two-digit minutes', () => {
    const expected = new Intl.DateTimeFormat(undefined, {
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      hour: 'numeric',
      minute: '2-digit',
    }).format(new Date(iso));
    expect(formatDateTime(iso)).toBe(expected);
    expect(formatDateTime(iso)).toMatch(/\d:05/);
  });
});

describe('formatMoney', () => {
  it('leaves out decimals for whole amounts', () => {
    const rupees = formatMoney(500, 'INR');
    expect(rupees).toMatch(/500/);
    expect(rupees).not.toMatch(/500[.,]\d/);
    expect(rupees).toBe(
      new Intl.NumberFormat(undefined, { style: 'currency', currency: 'INR', maximumFractionDigits: 0 }).format(500),
    );
  });

  it('shows cents for fractional amounts', () => {
    expect(formatMoney(40.5, 'USD')).toMatch(/40[.,]50/);
    expect(formatMoney(0.1 + 0.2, 'EUR')).toMatch(/0[.,]30(?!\d)/);
    // A currency without minor units keeps what is there, up to two decimals.
    expect(formatMoney(40.5, 'JPY')).toMatch(/40[.,]5(?!\d)/);
  });

  it('names the currency, falling back to the code when Intl refuses it', () => {
    expect(formatMoney(12, 'dollars')).toBe('dollars 12');
    expect(formatMoney(12.5, 'US')).toBe('US 12.5');
    expect(formatMoney(12, 'XYZ')).toMatch(/XYZ/);
  });
});

describe('formatYears', () => {
  it('says year only for one', () => {
    expect(formatYears(1)).toBe('1 year');
    expect(formatYears(0)).toBe('0 years');
    expect(formatYears(12)).toBe('12 years');
  });
});

describe('formatBytes', () => {
  it('shows bytes below one kilobyte', () => {
    expect(formatBytes(0)).toBe('0 B');
    expect(formatBytes(1023)).toBe('1023 B');
  });

  it('shows whole kilobytes below one megabyte', () => {
    expect(formatBytes(1024)).toBe('1 KB');
    expect(formatBytes(1535)).toBe('1 KB');
    expect(formatBytes(1536)).toBe('2 KB');
    expect(formatBytes(850 * 1024)).toBe('850 KB');
  });

  it('shows megabytes with at most one decimal, none for whole ones', () => {
    expect(formatBytes(1024 * 1024)).toBe('1 MB');
    expect(formatBytes(10 * 1024 * 1024)).toBe('10 MB');
    expect(formatBytes(4.2 * 1024 * 1024)).toBe('4.2 MB');
    expect(formatBytes(1.5 * 1024 * 1024)).toBe('1.5 MB');
  });
});

describe('capitalize', () => {
  it('upper-cases the first letter only', () => {
    expect(capitalize('female')).toBe('Female');
    expect(capitalize('no_show')).toBe('No_show');
    expect(capitalize('Already')).toBe('Already');
    expect(capitalize('x')).toBe('X');
    expect(capitalize('')).toBe('');
  });
});
