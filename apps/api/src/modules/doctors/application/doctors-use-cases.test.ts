import { describe, expect, it } from 'vitest';
import { AppError } from '../../../platform/app-error.ts';
import { makeFakeDoctorsDeps } from './doctors.fakes.ts';
import { makeDoctorsUseCases } from './use-cases.ts';

const profile = {
  specialtyId: 'cardiology',
  subSpecialties: [],
  qualifications: ['MBBS'],
  experienceYears: 8,
  languages: ['English'],
  consultationFee: { amount: 600, currency: 'INR' },
  bio: 'Cardiologist with eight years of practice.',
  timeZone: 'Asia/Kolkata',
};
const kyc = (over: Record<string, unknown> = {}) => ({
  registrationNumber: 'REG-1',
  council: 'NMC',
  registrationYear: 2014,
  documents: { identity: 'f-id', license: 'f-lic' },
  ...over,
});

async function setup() {
  const fake = makeFakeDoctorsDeps();
  const uc = makeDoctorsUseCases(fake.deps);
  fake.addDoctorAccount('d1');
  await uc.updateProfile('d1', profile);
  return { fake, uc };
}

async function pendingDoctor() {
  const s = await setup();
  await s.uc.submitKyc('d1', kyc());
  return s;
}

async function rejects(promise: Promise<unknown>, code: string, message?: RegExp) {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
  if (message) expect((error as AppError).message).toMatch(message);
}

const decision = (over: Record<string, unknown> = {}) => ({
  doctorId: 'd1',
  adminId: 'admin-1',
  decision: 'approve' as const,
  submission: 1,
  ...over,
});

describe('profile and KYC changes', () => {
  it('keeps a profile save that raced a KYC submission: the loser re-reads and decides again', async () => {
    const { fake, uc } = await setup();
    // The KYC submission's first save loses to a profile save committed in between.
    fake.beforeNextSave(async () => {
      await uc.updateProfile('d1', { ...profile, experienceYears: 9 });
    });
    const submitted = await uc.submitKyc('d1', kyc());
    expect(submitted.kyc).toMatchObject({ status: 'pending', submission: 1 });
    expect(submitted.profile?.experienceYears).toBe(9);
    const versions = fake.versionsOf('d1');
    expect(versions.map((v) => v.version)).toEqual([1, 2, 3, 4]);
    expect(versions.at(-1)).toMatchObject({ kyc: { status: 'pending' }, profile: { experienceYears: 9 } });
  });

  it('answers 409 when every attempt loses to a concurrent change', async () => {
    const { fake, uc } = await setup();
    const keepChanging = async (): Promise<void> => {
      await uc.updateProfile('d1', profile);
      fake.beforeNextSave(keepChanging);
    };
    fake.beforeNextSave(keepChanging);
    await rejects(uc.submitKyc('d1', kyc()), 'CONFLICT');
    expect(fake.versionsOf('d1').at(-1)?.kyc.status).toBe('not_submitted');
  });

  it('sends an approved doctor who replaces documents back to review, with a history entry', async () => {
    const { fake, uc } = await pendingDoctor();
    await uc.decideKyc(decision());
    const replaced = await uc.submitKyc('d1', kyc({ documents: { identity: 'f-id2', license: 'f-lic2' } }));
    expect(replaced.kyc).toMatchObject({ status: 'pending', submission: 2, documents: { identity: 'f-id2' } });
    expect(replaced.listed).toBe(false);
    expect(replaced.history.map((h) => [h.submission, h.from, h.to])).toEqual([
      [1, 'not_submitted', 'pending'],
      [1, 'pending', 'approved'],
      [2, 'approved', 'pending'],
    ]);
    expect(fake.attached).toEqual(expect.arrayContaining(['f-id2', 'f-lic2']));
  });

  it('stores nothing when exactly the stored submission is sent again', async () => {
    const { fake, uc } = await pendingDoctor();
    await uc.decideKyc(decision());
    const before = fake.saves();
    const same = await uc.submitKyc('d1', kyc());
    expect(same.kyc).toMatchObject({ status: 'approved', submission: 1 });
    expect(fake.saves()).toBe(before);
  });

  it('needs a profile first and refuses after a rejection', async () => {
    const fake = makeFakeDoctorsDeps();
    const uc = makeDoctorsUseCases(fake.deps);
    fake.addDoctorAccount('d2');
    await rejects(uc.submitKyc('d2', kyc()), 'CONFLICT', /profile/);
    expect(fake.attached).toEqual([]);
  });
});

describe('KYC decision', () => {
  it("commits the doctor's e-mail and the caller's effects with the decision", async () => {
    const { fake, uc } = await pendingDoctor();
    const audit = { type: 'audit', payload: { action: 'kyc.approve' } };
    const doctor = await uc.decideKyc(decision(), { effects: [audit] });
    expect(doctor.kyc).toMatchObject({ status: 'approved', submission: 1 });
    expect(fake.effects).toEqual([
      { type: 'email', payload: expect.objectContaining({ to: 'd1@example.test', subject: 'Your DocTime profile is approved' }) },
      audit,
    ]);
  });

  it('refuses a decision about a replaced submission and changes nothing, even when it loses a race to the resubmission', async () => {
    const { fake, uc } = await pendingDoctor();
    // The doctor resubmits between the admin's read and the admin's save.
    fake.beforeNextSave(async () => {
      await uc.submitKyc('d1', kyc({ registrationNumber: 'REG-2' }));
    });
    await rejects(uc.decideKyc(decision(), { effects: [{ type: 'audit', payload: {} }] }), 'CONFLICT', /submitted new details/);
    expect(fake.versionsOf('d1').at(-1)?.kyc).toMatchObject({ status: 'pending', submission: 2, registrationNumber: 'REG-2' });
    expect(fake.effects).toEqual([]);
  });

  it('pins the submission current when no number is given, so a retry never decides a newer one', async () => {
    const { fake, uc } = await pendingDoctor();
    fake.beforeNextSave(async () => {
      await uc.submitKyc('d1', kyc({ registrationNumber: 'REG-3' }));
    });
    await rejects(uc.decideKyc(decision({ submission: undefined })), 'CONFLICT');
    expect(fake.versionsOf('d1').at(-1)?.kyc.status).toBe('pending');
  });

  it('lets only one of two admins decide', async () => {
    const { fake, uc } = await pendingDoctor();
    fake.beforeNextSave(async () => {
      await uc.decideKyc(decision({ adminId: 'admin-2', decision: 'reject', reason: 'No' }));
    });
    await rejects(uc.decideKyc(decision()), 'CONFLICT', /Only pending/);
    expect(fake.versionsOf('d1').at(-1)?.kyc).toMatchObject({ status: 'rejected' });
    expect(fake.effects.filter((e) => e.type === 'email')).toHaveLength(1);
  });

  it('keeps a profile save made during the decision', async () => {
    const { fake, uc } = await pendingDoctor();
    fake.beforeNextSave(async () => {
      await uc.updateProfile('d1', { ...profile, bio: 'A bio changed while the admin was deciding.' });
    });
    const decided = await uc.decideKyc(decision());
    expect(decided.kyc.status).toBe('approved');
    expect(decided.profile?.bio).toBe('A bio changed while the admin was deciding.');
  });

  it('404s for a doctor without a record, and never creates one', async () => {
    const fake = makeFakeDoctorsDeps();
    fake.addDoctorAccount('d3');
    await rejects(makeDoctorsUseCases(fake.deps).decideKyc(decision({ doctorId: 'd3' })), 'NOT_FOUND');
    expect(fake.versionsOf('d3')).toEqual([]);
  });
});

describe('blocking', () => {
  it("mirrors identity's current block, whatever the order the events arrive in", async () => {
    const { fake, uc } = await pendingDoctor();
    fake.setBlocked('d1', true);
    await uc.mirrorAccountBlock('d1');
    expect(fake.versionsOf('d1').at(-1)?.blocked).toBe(true);
    fake.setBlocked('d1', false);
    await uc.mirrorAccountBlock('d1'); // the unblock's event
    await uc.mirrorAccountBlock('d1'); // the block's event, delivered late
    expect(fake.versionsOf('d1').at(-1)?.blocked).toBe(false);
  });

  it('corrects its own write when identity changed while it was writing', async () => {
    const { fake, uc } = await pendingDoctor();
    fake.setBlocked('d1', true);
    // The account is unblocked after the handler read it (and the unblock's own handler found nothing to do).
    fake.beforeNextSave(async () => fake.setBlocked('d1', false));
    await uc.mirrorAccountBlock('d1');
    expect(fake.versionsOf('d1').at(-1)?.blocked).toBe(false);
  });

  it('ignores accounts that are not doctors and creates the record of a doctor who never opened it', async () => {
    const fake = makeFakeDoctorsDeps();
    const uc = makeDoctorsUseCases(fake.deps);
    fake.addDoctorAccount('p1', { role: 'patient', blocked: true });
    await uc.mirrorAccountBlock('p1');
    expect(fake.versionsOf('p1')).toEqual([]);
    fake.addDoctorAccount('d4', { blocked: true });
    await uc.mirrorAccountBlock('d4');
    expect(fake.versionsOf('d4').at(-1)).toMatchObject({ version: 1, blocked: true });
  });

  it('hides a doctor identity has blocked before the mirror is updated', async () => {
    const { fake, uc } = await pendingDoctor();
    await uc.decideKyc(decision());
    expect(await uc.findListedDoctor('d1')).toMatchObject({ id: 'd1', timeZone: 'Asia/Kolkata' });
    expect((await uc.getPublicDoctor('d1')).id).toBe('d1');
    fake.setBlocked('d1', true);
    expect(fake.versionsOf('d1').at(-1)?.blocked).toBe(false);
    expect(await uc.findListedDoctor('d1')).toBeNull();
    await rejects(uc.getPublicDoctor('d1'), 'NOT_FOUND');
  });
});
