import { describe, expect, it } from 'vitest';
import { callWindowState, countdownText } from './call-window';

const appt = { status: 'confirmed', start: '2026-12-01T10:00:00Z', end: '2026-12-01T10:30:00Z' };
const at = (iso: string) => new Date(iso);

describe('callWindowState', () => {
  it('counts down to 10 minutes before the start', () => {
    expect(callWindowState(appt, at('2026-12-01T09:45:00Z'))).toEqual({
      state: 'not-yet',
      opensAt: at('2026-12-01T09:50:00Z'),
      msLeft: 5 * 60_000,
    });
  });
  it('is open from then until 30 minutes after the end', () => {
    expect(callWindowState(appt, at('2026-12-01T09:50:00Z')).state).toBe('open');
    expect(callWindowState(appt, at('2026-12-01T11:00:00Z')).state).toBe('open');
    expect(callWindowState(appt, at('2026-12-01T11:00:01Z')).state).toBe('closed');
  });
  it('is closed for anything but a confirmed appointment', () => {
    expect(callWindowState({ ...appt, status: 'completed' }, at('2026-12-01T10:10:00Z')).state).toBe('closed');
  });
});

describe('countdownText', () => {
  it.each([
    [65_000, '1:05'],
    [59 * 60_000, '59:00'],
    [2 * 3_600_000 + 10 * 60_000, '2 h 10 min'],
    [2 * 86_400_000, null],
  ])('%d ms -> %s', (ms, text) => {
    expect(countdownText(ms)).toBe(text);
  });
});
