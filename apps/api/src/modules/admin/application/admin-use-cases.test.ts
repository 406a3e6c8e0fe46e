import { describe, expect, it } from 'vitest';
import { makeFakeAdminDeps } from './admin.fakes.ts';
import { makeAdminUseCases } from './use-cases.ts';

const actor = { userId: 'admin-1', ip: '10.0.0.7' };
const at = new Date('2026-03-02T08:00:00Z');

describe('admin actions carry their audit entry as a side effect', () => {
  it('blocks through identity alone, handing it the audit entry', async () => {
    const fake = makeFakeAdminDeps(at);
    const uc = makeAdminUseCases(fake.deps);
    expect(await uc.setUserBlocked(actor, 'd1', { reason: 'Fake licence' })).toEqual({ id: 'd1', role: 'doctor' });
    await uc.setUserBlocked(actor, 'd1', null);
    expect(fake.blockCalls).toEqual([
      {
        userId: 'd1',
        block: { reason: 'Fake licence' },
        effects: [
          {
            type: 'audit',
            payload: {
              actorId: 'admin-1',
              action: 'user.block',
              targetId: 'd1',
              reason: 'Fake licence',
              at: at.toISOString(),
              ip: '10.0.0.7',
            },
          },
        ],
      },
      {
        userId: 'd1',
        block: null,
        effects: [
          {
            type: 'audit',
            payload: { actorId: 'admin-1', action: 'user.unblock', targetId: 'd1', at: at.toISOString(), ip: '10.0.0.7' },
          },
        ],
      },
    ]);
    // Nothing is written by admin itself: the entry appears when identity's change is delivered.
    expect(fake.log.size).toBe(0);
  });

  it('decides KYC through doctors with the reviewed submission, the audit entry and the doctor’s notification', async () => {
    const fake = makeFakeAdminDeps(at);
    const uc = makeAdminUseCases(fake.deps);
    await uc.decideKyc(actor, { doctorId: 'd1', decision: 'reject', reason: 'Unknown number', submission: 3 });
    expect(fake.decideCalls).toEqual([
      {
        input: { doctorId: 'd1', decision: 'reject', reason: 'Unknown number', submission: 3, adminId: 'admin-1' },
        effects: [
          {
            type: 'audit',
            payload: {
              actorId: 'admin-1',
              action: 'kyc.reject',
              targetId: 'd1',
              reason: 'Unknown number',
              at: at.toISOString(),
              ip: '10.0.0.7',
            },
          },
          {
            type: 'notification',
            payload: {
              userId: 'd1',
              type: 'kyc.decided',
              title: 'Application not approved',
              body: 'After review, your application was not approved. Reason: Unknown number',
              link: '/doctor/profile',
            },
          },
        ],
      },
    ]);
  });
});

describe('recording audit entries', () => {
  it('writes an entry once under its outbox entry id, however often it is delivered', async () => {
    const fake = makeFakeAdminDeps(at);
    const uc = makeAdminUseCases(fake.deps);
    await uc.decideKyc(actor, { doctorId: 'd1', decision: 'approve' });
    const { payload } = fake.decideCalls[0]!.effects[0]!;
    await uc.recordAuditEntry('change-1:1', payload);
    await uc.recordAuditEntry('change-1:1', payload);
    expect([...fake.log.values()]).toEqual([
      { id: 'change-1:1', actorId: 'admin-1', action: 'kyc.approve', targetId: 'd1', at, ip: '10.0.0.7' },
    ]);
    const listed = await uc.listAuditLog({ page: 1, limit: 10 });
    expect(listed.items).toEqual([
      {
        id: 'change-1:1',
        actorId: 'admin-1',
        actorName: 'Name of admin-1',
        action: 'kyc.approve',
        targetId: 'd1',
        at: at.toISOString(),
        ip: '10.0.0.7',
      },
    ]);
  });

  it('refuses a malformed entry (the outbox keeps it for a retry and a look)', async () => {
    const uc = makeAdminUseCases(makeFakeAdminDeps(at).deps);
    await expect(
      uc.recordAuditEntry('e1', { actorId: 'a', action: 'drop.tables', targetId: 't', at: at.toISOString() }),
    ).rejects.toThrow(/malformed/);
    await expect(
      uc.recordAuditEntry('e2', { actorId: 'a', action: 'user.block', targetId: 't', at: 'yesterday' }),
    ).rejects.toThrow(/malformed/);
  });
});

describe("an admin's reads of health data are audited before they are answered", () => {
  it('records a KYC view (who, what, when, from where) under a fresh id, then answers', async () => {
    const fake = makeFakeAdminDeps(at);
    const uc = makeAdminUseCases(fake.deps);
    expect(await uc.viewKycDetails(actor, 'd1')).toEqual({ doctor: { id: 'd1' }, documents: {} });
    await uc.viewKycDetails(actor, 'd1');
    const viewed = { actorId: 'admin-1', action: 'kyc.view', targetId: 'd1', at: at.toISOString(), ip: '10.0.0.7' };
    expect([...fake.reads]).toEqual([
      ['read-1', { type: 'audit', payload: viewed }],
      ['read-2', { type: 'audit', payload: viewed }],
    ]);
    // Delivered, the effect is an ordinary log entry.
    await uc.recordAuditEntry('read-1:0', fake.reads.get('read-1')!.payload);
    expect(fake.log.get('read-1:0')).toEqual({ id: 'read-1:0', ...viewed, at });
  });

  it('answers nothing when the read cannot be recorded', async () => {
    const fake = makeFakeAdminDeps(at);
    const uc = makeAdminUseCases(fake.deps);
    fake.failReads.on = true;
    await expect(uc.viewKycDetails(actor, 'd1')).rejects.toThrow('database went away');
    await expect(uc.recordAdminRead(actor, { action: 'appointment.view', targetId: 'a1' })).rejects.toThrow();
    expect(fake.reads.size).toBe(0);
  });

  it('records reads other modules report, such as an appointment view', async () => {
    const fake = makeFakeAdminDeps(at);
    await makeAdminUseCases(fake.deps).recordAdminRead({ userId: 'admin-2' }, { action: 'appointment.view', targetId: 'a1' });
    expect(fake.reads.get('read-1')?.payload).toEqual({
      actorId: 'admin-2',
      action: 'appointment.view',
      targetId: 'a1',
      at: at.toISOString(),
    });
  });
});
