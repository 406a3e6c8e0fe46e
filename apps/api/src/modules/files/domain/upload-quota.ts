/** How much one user may upload in one UTC day. */
export interface UploadLimits {
  count: number;
  bytes: number;
}

/**
 * The newest place a user took in a day's upload chain: place n is the day's
 * n-th upload and carries the day's byte total up to and including it
 * (`{n: 0, bytes: 0}` before the first upload of the day).
 */
export interface QuotaPlace {
  n: number;
  bytes: number;
}

export type QuotaDecision =
  { allowed: true; place: QuotaPlace } | { allowed: false; limit: 'count' | 'bytes'; retryAfterSeconds: number };

const DAY_MS = 24 * 60 * 60 * 1000;

/** The UTC day an upload counts against, `YYYY-MM-DD`. */
export function quotaDay(now: Date): string {
  return now.toISOString().slice(0, 10);
}

/**
 * May an upload of `size` bytes take the place after `last`? If so, the
 * place it takes. Each place is taken by exactly one upload (insert-or-fail
 * on `<userId>:<day>:<n>`) and carries its predecessor's total plus its own
 * size, so a day never holds more than `limits.count` places nor a total
 * above `limits.bytes`. A refusal can be retried when the next UTC day starts.
 */
export function decideUpload(last: QuotaPlace, size: number, limits: UploadLimits, now: Date): QuotaDecision {
  const place = { n: last.n + 1, bytes: last.bytes + size };
  const limit = place.n > limits.count ? 'count' : place.bytes > limits.bytes ? 'bytes' : null;
  if (!limit) return { allowed: true, place };
  const nextDay = Math.floor(now.getTime() / DAY_MS + 1) * DAY_MS;
  return { allowed: false, limit, retryAfterSeconds: Math.ceil((nextDay - now.getTime()) / 1000) };
}
