import { describe, expect, it } from 'vitest';
import { isListed, isListedNow, newDoctor, withBlocked, withKyc, withProfile, type Doctor } from './doctor.ts';
import { emptyKyc, type KycRecord } from './kyc.ts';

const at = new Date('2026-03-02T08:00:00Z');
const later = new Date('2026-03-02T09:00:00Z');
const approved: KycRecord = { ...emptyKyc, status: 'approved', submission: 1 };
const profile = {} as Doctor['profile'];
const doctor = (over: Partial<Doctor> = {}): Doctor => ({
  ...newDoctor({ id: 'd1', name: 'Dr A', email: 'a@example.test', blocked: false }, at),
  profile,
  kyc: approved,
  ...over,
});

describe('doctor changes', () => {
  it('starts at version 1 with the account block, and every change makes exactly the next version', () => {
    expect(newDoctor({ id: 'd1', name: 'Dr A', email: 'a@x', blocked: true }, at)).toMatchObject({
      version: 1,
      blocked: true,
      kyc: emptyKyc,
      profile: null,
    });
    const d = doctor({ version: 4 });
    expect(withProfile(d, { bio: 'x' } as never, 'Cardiology', later)).toMatchObject({
      version: 5,
      specialtyName: 'Cardiology',
      updatedAt: later,
      kyc: approved,
    });
    expect(withKyc(d, emptyKyc, later)).toMatchObject({ version: 5, kyc: emptyKyc, profile });
    expect(withBlocked(d, true, later)).toMatchObject({ version: 5, blocked: true });
    expect(withBlocked(d, false, later)).toBe('unchanged');
  });
});

describe('listing', () => {
  it('lists approved, unblocked doctors with a profile only', () => {
    expect(isListed(doctor())).toBe(true);
    expect(isListed(doctor({ blocked: true }))).toBe(false);
    expect(isListed(doctor({ kyc: { ...approved, status: 'pending' } }))).toBe(false);
    expect(isListed(doctor({ profile: null }))).toBe(false);
  });

  it('also asks identity: a block identity already knows hides the doctor before the mirror catches up', () => {
    expect(isListedNow(doctor(), { blocked: false })).toBe(true);
    expect(isListedNow(doctor(), { blocked: true })).toBe(false);
    expect(isListedNow(doctor(), null)).toBe(false);
    expect(isListedNow(doctor({ blocked: true }), { blocked: false })).toBe(false);
  });
});
