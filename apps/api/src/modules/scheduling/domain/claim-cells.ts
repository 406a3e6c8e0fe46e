/**
 * Booking claims: an appointment claims every fixed UTC cell its time (plus
 * the buffer after it) touches, one unique document per cell. Two bookings
 * that overlap share at least one cell, so the second insert fails: no double
 * booking without transactions.
 */

export const CLAIM_CELL_MINUTES = 5;
const MINUTE_MS = 60_000;

export interface TimeSpan {
  start: Date;
  end: Date;
}

/**
 * The time a booking at [start, end) keeps the doctor busy: through its
 * buffer, widened outwards to whole cells (start floored, end ceiled).
 */
export function occupiedSpan(start: Date, end: Date, bufferMinutes: number, cellMinutes = CLAIM_CELL_MINUTES): TimeSpan {
  const cellMs = cellMinutes * MINUTE_MS;
  if (!(cellMs > 0)) throw new RangeError('cellMinutes must be positive');
  const from = Math.floor(start.getTime() / cellMs) * cellMs;
  const to = Math.ceil((end.getTime() + bufferMinutes * MINUTE_MS) / cellMs) * cellMs;
  return { start: new Date(from), end: new Date(to) };
}

/** The cell starts covering [start, end + buffer), on the UTC grid of `cellMinutes`. */
export function claimCells(start: Date, end: Date, bufferMinutes: number, cellMinutes = CLAIM_CELL_MINUTES): Date[] {
  const span = occupiedSpan(start, end, bufferMinutes, cellMinutes);
  const cellMs = cellMinutes * MINUTE_MS;
  const cells: Date[] = [];
  for (let t = span.start.getTime(); t < span.end.getTime(); t += cellMs) cells.push(new Date(t));
  return cells;
}

/** The unique `_id` of one claim: `<ownerId>:<cell start ISO>`, e.g. `d1:2026-03-30T08:05:00.000Z`. */
export function claimId(ownerId: string, cell: Date): string {
  return `${ownerId}:${cell.toISOString()}`;
}
