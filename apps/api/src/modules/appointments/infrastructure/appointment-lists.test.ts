import { describe, expect, it } from 'vitest';
import { pagePlan, pathOf } from './appointment-lists.ts';

const at = (iso: string) => Date.parse(iso);
const query = { scope: 'past' as const, now: new Date('2026-11-30T01:30:00Z'), skip: 0, limit: 20 };
const counts = { confirmed: 3, cancelled: 2, completed: 1 };

describe('where an appointment is listed', () => {
  it('by year > month for a patient, year of the Monday > week for a doctor, year > month > day > hour for everyone', () => {
    expect(pathOf('patient:p1', at('2026-11-30T09:15:00Z'))).toEqual(['2026', '2026-11']);
    expect(pathOf('doctor:d1', at('2026-11-29T23:59:00Z'))).toEqual(['2026', '2026-11-23']);
    expect(pathOf('doctor:d1', at('2026-11-30T00:00:00Z'))).toEqual(['2026', '2026-11-30']);
    // A week that straddles the new year is in the year of its Monday.
    expect(pathOf('doctor:d1', at('2027-01-02T10:00:00Z'))).toEqual(['2026', '2026-12-28']);
    expect(pathOf('all', at('2026-11-30T09:15:00Z'))).toEqual(['2026', '2026-11', '2026-11-30', '2026-11-30T09']);
  });

  it('each key starts with its parent and sorts in time order at every level', () => {
    const times = Array.from({ length: 200 }, (_, i) => at('2026-10-01T00:00:00Z') + i * 37 * 3_600_000);
    for (const owner of ['patient:p1', 'doctor:d1', 'all']) {
      const paths = times.map((t) => pathOf(owner, t));
      for (const path of paths) path.slice(1).forEach((key, i) => expect(key.startsWith(path[i]!)).toBe(true));
      for (let i = 1; i < paths.length; i++) paths[i]!.forEach((key, level) => expect(key >= paths[i - 1]![level]!).toBe(true));
    }
  });
});

describe('a page plan', () => {
  it('reads every key holding a bucket around now (the one of now and the one a slot before); counts all others', () => {
    const { count } = pagePlan(query, 'all');
    // Now is 01:30, a slot is at most 2 hours: the buckets from 23:00 the day before to 01:00 are read.
    for (const key of ['2026', '2026-11', '2026-11-30', '2026-11-30T01', '2026-11-30T00', '2026-11-29', '2026-11-29T23'])
      expect(count(key, counts)).toBeNull();
    expect(count('2026-11-29T22', counts)).toBe(6);
    expect(count('2026-10', counts)).toBe(6);
    expect(count('2025', counts)).toBe(6);
    // Later keys: all but the confirmed ones, which are upcoming.
    expect(count('2026-11-30T02', counts)).toBe(3);
    expect(count('2026-12', counts)).toBe(3);
    expect(count('2027', counts)).toBe(3);
  });

  it('counts past keys by status, and upcoming ones as the later confirmed', () => {
    const cancelled = pagePlan({ ...query, status: 'cancelled' }, 'doctor:d1');
    expect(cancelled.count('2026', counts)).toBeNull();
    expect(cancelled.count('2026-11-23', counts)).toBeNull();
    expect(cancelled.count('2026-11-30', counts)).toBeNull();
    expect(cancelled.count('2025', counts)).toBe(2);
    expect(cancelled.count('2026-12-07', counts)).toBe(2);
    expect(pagePlan({ ...query, status: 'confirmed' }, 'doctor:d1').count('2026-12-07', counts)).toBe(0);
    const upcoming = pagePlan({ ...query, scope: 'upcoming' }, 'patient:p1');
    expect(upcoming.order).toBe('asc');
    expect(upcoming.count('2026-11', counts)).toBeNull();
    expect(upcoming.count('2026-10', counts)).toBe(0);
    expect(upcoming.count('2027', counts)).toBe(3);
  });
});
