/** The consultation room opens 10 minutes before the start and closes 30 minutes after the end (the API's rule). */
const OPENS_BEFORE_MS = 10 * 60_000;
const CLOSES_AFTER_MS = 30 * 60_000;

export type CallWindowState =
  { state: 'not-yet'; opensAt: Date; msLeft: number } | { state: 'open'; closesAt: Date } | { state: 'closed' };

/** Where `now` stands against the room's window of a confirmed appointment (anything else: closed). */
export function callWindowState(appointment: { status: string; start: string; end: string }, now: Date): CallWindowState {
  if (appointment.status !== 'confirmed') return { state: 'closed' };
  const opensAt = new Date(Date.parse(appointment.start) - OPENS_BEFORE_MS);
  const closesAt = new Date(Date.parse(appointment.end) + CLOSES_AFTER_MS);
  if (now < opensAt) return { state: 'not-yet', opensAt, msLeft: opensAt.getTime() - now.getTime() };
  if (now <= closesAt) return { state: 'open', closesAt };
  return { state: 'closed' };
}

/** "4:05" under an hour, "2 h 10 min" under a day, else null (show the date instead). */
export function countdownText(ms: number): string | null {
  const seconds = Math.max(0, Math.ceil(ms / 1000));
  if (seconds < 3600) return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
  if (seconds < 86_400) return `${Math.floor(seconds / 3600)} h ${Math.floor((seconds % 3600) / 60)} min`;
  return null;
}
