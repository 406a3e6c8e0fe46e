/** The viewer's IANA time zone, e.g. "Asia/Kolkata". */
export function browserTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}

let cached: string[] | null = null;

/** Every IANA time zone the browser knows (plus the browser's own and UTC), sorted. */
export function timeZoneOptions(): string[] {
  if (cached) return cached;
  let zones: string[] = [];
  try {
    zones = Intl.supportedValuesOf('timeZone');
  } catch {
    zones = [];
  }
  cached = [...new Set([...zones, browserTimeZone(), 'UTC'])].sort((a, b) => a.localeCompare(b));
  return cached;
}
