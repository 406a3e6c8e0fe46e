import { describe, expect, it } from 'vitest';
import { rejection } from '../../../test-support/rejection.ts';
import type { SideEffect } from '../../../platform/side-effect.ts';
import { ERASE_PERSONAL_DATA } from './delete-my-account.ts';
import type { ArchiveEntry, PersonalDataSource, PrivacyDeps } from './ports.ts';
import { makePrivacyUseCases } from './use-cases.ts';

const patient = { userId: 'p1', role: 'patient' };
const account = {
  id: 'p1',
  role: 'patient' as const,
  name: 'Ada',
  email: 'ada@x.test',
  emailVerified: true,
  createdAt: '2026-01-01T00:00:00.000Z',
};

function setup(sources: PersonalDataSource[] = []) {
  const packed: ArchiveEntry[][] = [];
  const erasures: { userId: string; password: string; effects: SideEffect[] }[] = [];
  const deps: PrivacyDeps = {
    accounts: {
      exportAccount: async () => account,
      async eraseAccount(input) {
        if (input.password !== 'right') throw new Error('wrong password');
        erasures.push(input);
      },
    },
    sources,
    // The entries as given, so a test reads what the zip would hold.
    archiver: { pack: (entries) => (packed.push(entries), new Uint8Array([1])) },
    clock: { now: () => new Date('2026-03-02T08:00:00Z') },
  };
  return { uc: makePrivacyUseCases(deps), packed, erasures };
}

const text = (entries: ArchiveEntry[], path: string) => String(entries.find((e) => e.path === path)?.content);

describe('exportMyData', () => {
  it('packs data.json with every section (empty until a module fills it), README.txt, the folders and the files sources add', async () => {
    const pdf = new Uint8Array([37, 80, 68, 70]);
    const { uc, packed } = setup([
      { name: 'appointments', exportFor: async () => ({ data: [] }), eraseFor: async () => undefined },
      {
        name: 'prescriptions',
        exportFor: async () => ({ data: [{ id: 'rx1' }], files: [{ path: 'prescriptions/rx1.pdf', content: pdf }] }),
        eraseFor: async () => undefined,
        retention: {
          rule: { id: 'medical-records-retention', description: 'Prescriptions, kept 3 years by law' },
          retainFor: async () => 1,
        },
      },
    ]);
    expect(await uc.exportMyData(patient)).toEqual({ fileName: 'doctime-data-2026-03-02.zip', content: new Uint8Array([1]) });
    const entries = packed[0]!;
    expect(entries.map((e) => e.path)).toEqual(['data.json', 'README.txt', 'prescriptions/', 'prescriptions/rx1.pdf']);
    expect(JSON.parse(text(entries, 'data.json'))).toEqual({
      exportedAt: '2026-03-02T08:00:00.000Z',
      account,
      medicalProfile: null,
      appointments: [],
      prescriptions: [{ id: 'rx1' }],
      messages: [],
      notifications: [],
    });
    expect(text(entries, 'README.txt')).toContain(
      'Prescriptions, kept 3 years by law (marked "retainedUnder": "medical-records-retention")',
    );
  });

  it("refuses doctors: support exports a doctor's records", async () => {
    const error = await rejection(setup().uc.exportMyData({ userId: 'd1', role: 'doctor' }));
    expect(error.code).toBe('FORBIDDEN');
    expect(error.message).toContain('support');
  });
});

describe('deleteMyAccount and erasePersonalData', () => {
  it("commits the account's erasure with the effect that erases the rest", async () => {
    const { uc, erasures } = setup();
    await uc.deleteMyAccount(patient, { password: 'right' });
    expect(erasures).toEqual([
      { userId: 'p1', password: 'right', effects: [{ type: ERASE_PERSONAL_DATA, payload: { userId: 'p1' } }] },
    ]);
    expect((await rejection(uc.deleteMyAccount({ userId: 'd1', role: 'doctor' }, { password: 'right' }))).code).toBe('FORBIDDEN');
  });

  it('marks retained records before erasing, runs every source, and fails (to be retried) while any source fails', async () => {
    const calls: string[] = [];
    let appointmentsFail = true;
    const { uc } = setup([
      {
        name: 'appointments',
        exportFor: async () => ({ data: [] }),
        async eraseFor(id) {
          calls.push(`erase appointments ${id}`);
          if (appointmentsFail) throw new Error('database away');
        },
      },
      {
        name: 'prescriptions',
        exportFor: async () => ({ data: [] }),
        eraseFor: async (id) => void calls.push(`erase prescriptions ${id}`),
        retention: {
          rule: { id: 'rule', description: 'kept' },
          retainFor: async (id) => (calls.push(`retain prescriptions ${id}`), 2),
        },
      },
    ]);
    await expect(uc.erasePersonalData('p1')).rejects.toThrow('appointments: Error: database away');
    expect(calls.filter((c) => c.endsWith('prescriptions p1'))).toEqual(['retain prescriptions p1', 'erase prescriptions p1']);
    expect(calls).toContain('erase appointments p1');
    appointmentsFail = false;
    await uc.erasePersonalData('p1');
    expect(calls.filter((c) => c.startsWith('retain')).length).toBe(2);
  });
});
