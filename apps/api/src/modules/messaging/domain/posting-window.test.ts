import { describe, expect, it } from 'vitest';
import { isNewer, pairAppointments, pairFold, postingWindow, type PairAppointment } from './posting-window.ts';

const day = 86_400_000;
const now = new Date('2026-12-01T12:00:00Z');
const appt = (status: PairAppointment['status'], endDaysAgo: number): PairAppointment => ({
  version: 1,
  status,
  start: new Date(now.getTime() - endDaysAgo * day - 1_800_000),
  end: new Date(now.getTime() - endDaysAgo * day),
});

describe('postingWindow', () => {
  it('is open from booking while an appointment is booked, whatever else happened', () => {
    expect(postingWindow([appt('confirmed', -3)], now)).toEqual({ canPost: true });
    expect(postingWindow([appt('cancelled', 40), appt('confirmed', -1)], now).canPost).toBe(true);
  });

  it('stays open 14 days after the last completed consultation, then closes with the reason', () => {
    const open = postingWindow([appt('completed', 30), appt('completed', 13)], now);
    expect(open).toEqual({ canPost: true, openUntil: new Date(now.getTime() + day) });
    const closed = postingWindow([appt('completed', 14)], now);
    expect(closed).toMatchObject({ canPost: false, reason: expect.stringMatching(/14 days after your last consultation/) });
  });

  it('is closed with no appointment, after a cancellation, or a missed consultation, saying which', () => {
    expect(postingWindow([], now)).toMatchObject({ canPost: false, reason: expect.stringMatching(/cancelled/) });
    expect(postingWindow([appt('cancelled', -2)], now)).toMatchObject({
      canPost: false,
      reason: expect.stringMatching(/cancelled/),
    });
    expect(postingWindow([appt('no_show', 1)], now)).toMatchObject({
      canPost: false,
      reason: expect.stringMatching(/did not take place/),
    });
  });
});

describe('pairFold', () => {
  it('keeps the highest version of each appointment, in any order and repeated', () => {
    const v1 = {
      appointmentId: 'a',
      version: 1,
      status: 'confirmed' as const,
      start: '2026-12-02T09:00:00Z',
      end: '2026-12-02T09:30:00Z',
    };
    const v2 = { ...v1, version: 2, status: 'cancelled' as const };
    const forward = [v1, v2, v1].reduce(pairFold.apply, pairFold.empty());
    const backward = [v2, v1, v2].reduce(pairFold.apply, pairFold.empty());
    expect(forward).toEqual(backward);
    expect(pairAppointments(forward)).toEqual([
      { version: 2, status: 'cancelled', start: new Date(v1.start), end: new Date(v1.end) },
    ]);
    expect(isNewer(forward, v1)).toBe(false);
    expect(isNewer(forward, { ...v1, version: 3 })).toBe(true);
  });
});
