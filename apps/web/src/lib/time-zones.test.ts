import { describe, expect, it } from 'vitest';
import { browserTimeZone, timeZoneOptions } from './time-zones';

describe('time zones', () => {
  it('names the viewer’s zone as a zone Intl accepts', () => {
    const zone = browserTimeZone();
    expect(zone).not.toBe('');
    expect(() => new Intl.DateTimeFormat('en', { timeZone: zone })).not.toThrow();
  });

  it('offers every zone once, sorted, including UTC and the viewer’s own', () => {
    const zones = timeZoneOptions();
    // V8 leaves UTC out of Intl.supportedValuesOf('timeZone') and lists some zones by
    // their older names (Asia/Calcutta, Europe/Kiev), so only stable names are checked.
    expect(zones).toContain('UTC');
    expect(zones).toContain(browserTimeZone());
    expect(zones).toContain('Europe/London');
    expect(zones).toContain('America/New_York');
    expect(new Set(zones).size).toBe(zones.length);
    expect([...zones].sort((a, b) => a.localeCompare(b))).toEqual(zones);
    expect(timeZoneOptions()).toBe(zones);
  });
});
