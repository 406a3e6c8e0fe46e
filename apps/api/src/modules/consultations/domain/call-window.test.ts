import { describe, expect, it } from 'vitest';
import { callWindow, isCallOpen } from './call-window.ts';

const start = new Date('2026-12-01T10:00:00Z');
const end = new Date('2026-12-01T10:30:00Z');
const at = (iso: string) => new Date(iso);

describe('call window', () => {
  it('opens 10 minutes before the start and closes 30 minutes after the end', () => {
    expect(callWindow({ start, end })).toEqual({ opensAt: at('2026-12-01T09:50:00Z'), closesAt: at('2026-12-01T11:00:00Z') });
  });

  it.each([
    ['one millisecond before it opens', '2026-12-01T09:49:59.999Z', false],
    ['as it opens', '2026-12-01T09:50:00Z', true],
    ['during the appointment', '2026-12-01T10:15:00Z', true],
    ['as it closes', '2026-12-01T11:00:00Z', true],
    ['one millisecond after it closes', '2026-12-01T11:00:00.001Z', false],
  ])('a confirmed appointment %s: open = %s', (_, now, open) => {
    expect(isCallOpen({ status: 'confirmed', start, end }, at(now))).toBe(open);
  });

  it.each(['cancelled', 'completed', 'no_show', 'pending_payment'])(
    'is closed for a %s appointment, even in the window',
    (status) => {
      expect(isCallOpen({ status, start, end }, at('2026-12-01T10:15:00Z'))).toBe(false);
    },
  );
});
