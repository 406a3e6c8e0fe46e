import { describe, expect, it } from 'vitest';
import type { DoctorSearch } from '../application/ports.ts';
import type { Doctor, DoctorProfile } from '../domain/doctor.ts';
import type { KycRecord } from '../domain/kyc.ts';
import { makeDoctorDirectory } from './doctor-directory.ts';

const at = (day: number) => new Date(Date.UTC(2026, 0, day));

type Over = Omit<Partial<Doctor>, 'profile' | 'kyc'> & { profile?: Partial<DoctorProfile> | null; kyc?: Partial<KycRecord> };

function doctor(id: string, over: Over = {}): Doctor {
  const { profile, kyc, ...rest } = over;
  return {
    id,
    version: 1,
    name: `Dr ${id}`,
    email: `${id}@example.test`,
    profile:
      profile === null
        ? null
        : {
            specialtyId: 'cardiology',
            subSpecialties: [],
            qualifications: ['MBBS'],
            experienceYears: 10,
            languages: ['English'],
            consultationFee: { amount: 500, currency: 'INR' },
            bio: 'A doctor.',
            timeZone: 'UTC',
            ...profile,
          },
    specialtyName: 'Cardiology',
    kyc: { status: 'approved', submission: 1, history: [], submittedAt: at(1), ...kyc },
    blocked: false,
    createdAt: at(1),
    updatedAt: at(1),
    ...rest,
  };
}

const search = (over: Partial<DoctorSearch> = {}): DoctorSearch => ({ sort: 'relevance', skip: 0, limit: 50, ...over });
const idsOf = (r: { items: Doctor[] }) => r.items.map((d) => d.id);

describe('doctor directory: search', () => {
  const directory = makeDoctorDirectory();
  directory.reset([
    doctor('a', {
      name: 'Dr Anand',
      profile: {
        experienceYears: 5,
        consultationFee: { amount: 500, currency: 'INR' },
        languages: ['English', 'Tamil'],
        gender: 'male',
      },
    }),
    doctor('b', {
      name: 'Dr Bose',
      specialtyName: 'Dermatology',
      profile: { specialtyId: 'dermatology', experienceYears: 20, consultationFee: { amount: 1500, currency: 'INR' } },
    }),
    doctor('c', {
      name: 'Dr Chen',
      profile: { experienceYears: 20, consultationFee: { amount: 500, currency: 'INR' }, gender: 'female' },
    }),
    doctor('pending', { kyc: { status: 'pending' } }),
    doctor('blocked', { blocked: true }),
    doctor('no-profile', { profile: null }),
  ]);

  it('lists only approved, unblocked doctors with a profile', () => {
    expect(directory.searchListed(search()).total).toBe(3);
  });

  it('sorts as the Mongo sorts did, ties by id', () => {
    expect(idsOf(directory.searchListed(search({ sort: 'relevance' })))).toEqual(['b', 'c', 'a']); // experience desc, then name
    expect(idsOf(directory.searchListed(search({ sort: 'fee_asc' })))).toEqual(['a', 'c', 'b']);
    expect(idsOf(directory.searchListed(search({ sort: 'fee_desc' })))).toEqual(['b', 'a', 'c']);
    expect(idsOf(directory.searchListed(search({ sort: 'experience_desc' })))).toEqual(['b', 'c', 'a']);
    expect(idsOf(directory.searchListed(search({ sort: 'name_asc' })))).toEqual(['a', 'b', 'c']);
  });

  it('filters by text in the name or specialty (literally, any case), specialty, language, gender, fee and ids', () => {
    expect(idsOf(directory.searchListed(search({ text: 'bOSE' })))).toEqual(['b']);
    expect(idsOf(directory.searchListed(search({ text: 'dermat' })))).toEqual(['b']);
    expect(idsOf(directory.searchListed(search({ text: '.*' })))).toEqual([]);
    expect(idsOf(directory.searchListed(search({ specialtyId: 'dermatology' })))).toEqual(['b']);
    expect(idsOf(directory.searchListed(search({ language: 'TAMIL' })))).toEqual(['a']);
    expect(idsOf(directory.searchListed(search({ language: 'tam' })))).toEqual([]); // a whole language, not a part
    expect(idsOf(directory.searchListed(search({ gender: 'female' })))).toEqual(['c']);
    expect(idsOf(directory.searchListed(search({ maxFee: 500, sort: 'name_asc' })))).toEqual(['a', 'c']);
    expect(idsOf(directory.searchListed(search({ ids: ['c', 'pending', 'x'] })))).toEqual(['c']);
    expect(idsOf(directory.searchListed(search({ ids: [] })))).toEqual([]);
  });

  it('pages with the total of all matches', () => {
    expect(directory.searchListed(search({ sort: 'name_asc', skip: 1, limit: 1 }))).toMatchObject({
      total: 3,
      items: [{ id: 'b' }],
    });
    expect(directory.searchListed(search({ skip: 3 }))).toEqual({ items: [], total: 3 });
  });

  it('follows changes: a newer version moves between lists and orders', () => {
    const d = makeDoctorDirectory();
    d.reset([
      doctor('x', { kyc: { status: 'pending' } }),
      doctor('y', { profile: { consultationFee: { amount: 300, currency: 'INR' } } }),
    ]);
    expect(idsOf(d.searchListed(search()))).toEqual(['y']);
    d.put(doctor('x', { version: 2, profile: { consultationFee: { amount: 100, currency: 'INR' } } }));
    expect(idsOf(d.searchListed(search({ sort: 'fee_asc' })))).toEqual(['x', 'y']);
    d.put(doctor('x', { version: 3, profile: { consultationFee: { amount: 900, currency: 'INR' } } }));
    expect(idsOf(d.searchListed(search({ sort: 'fee_asc' })))).toEqual(['y', 'x']);
    d.put(doctor('y', { version: 2, blocked: true }));
    expect(idsOf(d.searchListed(search({ sort: 'fee_asc' })))).toEqual(['x']);
    expect(d.countByKycStatus()).toMatchObject({ approved: 2, pending: 0 });
  });
});

describe('doctor directory: KYC queue', () => {
  it('lists a status oldest submission first (never submitted first), pages, and counts every status', () => {
    const d = makeDoctorDirectory();
    d.reset([
      doctor('late', { kyc: { status: 'pending', submittedAt: at(9) } }),
      doctor('early', { kyc: { status: 'pending', submittedAt: at(2) } }),
      doctor('same-b', { kyc: { status: 'pending', submittedAt: at(5) } }),
      doctor('same-a', { kyc: { status: 'pending', submittedAt: at(5) } }),
      doctor('new-2', { profile: null, kyc: { status: 'not_submitted', submission: 0, submittedAt: undefined } }),
      doctor('new-1', { profile: null, kyc: { status: 'not_submitted', submission: 0 } }),
      doctor('ok'),
    ]);
    expect(idsOf(d.listByKycStatus('pending', 0, 10))).toEqual(['early', 'same-a', 'same-b', 'late']);
    expect(d.listByKycStatus('pending', 1, 2)).toMatchObject({ total: 4, items: [{ id: 'same-a' }, { id: 'same-b' }] });
    expect(d.countByKycStatus()).toEqual({ not_submitted: 2, pending: 4, approved: 1, rejected: 0, resubmission_requested: 0 });

    d.put(doctor('early', { version: 2, kyc: { status: 'approved', submittedAt: at(2) } }));
    d.put(doctor('new-1', { version: 2, kyc: { status: 'pending', submittedAt: at(10) } }));
    expect(idsOf(d.listByKycStatus('pending', 0, 10))).toEqual(['same-a', 'same-b', 'late', 'new-1']);
    expect(d.countByKycStatus()).toEqual({ not_submitted: 1, pending: 4, approved: 2, rejected: 0, resubmission_requested: 0 });
  });
});
