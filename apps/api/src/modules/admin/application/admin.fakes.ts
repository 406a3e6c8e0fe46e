import type { SideEffect } from '../../../platform/side-effect.ts';
import type { AuditEntry } from '../domain/audit-entry.ts';
import type { AdminDeps } from './ports.ts';

/** In-memory ports for admin use-case tests: they record what admin hands to identity and doctors. */
export function makeFakeAdminDeps(now = new Date('2026-03-02T08:00:00Z')) {
  const log = new Map<string, AuditEntry>();
  const blockCalls: { userId: string; block: { reason: string } | null; effects: SideEffect[] }[] = [];
  const decideCalls: { input: Record<string, unknown>; effects: SideEffect[] }[] = [];
  /** What admins' reads recorded, by read id; `failReads` makes recording fail (the database is away). */
  const reads = new Map<string, SideEffect>();
  const failReads = { on: false };
  let seq = 0;
  const deps: AdminDeps = {
    audit: {
      async append(entry) {
        if (log.has(entry.id)) return 'duplicate';
        log.set(entry.id, entry);
        return 'ok';
      },
      async list({ skip, limit }) {
        const items = [...log.values()].sort((a, b) => b.at.getTime() - a.at.getTime());
        return { items: items.slice(skip, skip + limit), total: items.length };
      },
    },
    reads: {
      async record(readId, effect) {
        if (failReads.on) throw new Error('database went away');
        reads.set(readId, effect);
      },
    },
    accounts: {
      async setBlocked(userId, block, { effects }) {
        blockCalls.push({ userId, block, effects });
        return { id: userId, role: 'doctor' };
      },
      async findNames(ids) {
        return new Map(ids.map((id) => [id, `Name of ${id}`]));
      },
    },
    doctors: {
      async decideKyc(input, { effects }) {
        decideCalls.push({ input, effects });
        return { id: input.doctorId };
      },
      async kycDetails(doctorId) {
        return { doctor: { id: doctorId }, documents: {} };
      },
    },
    clock: { now: () => now },
    newId: () => `read-${++seq}`,
  };
  return { deps, log, blockCalls, decideCalls, reads, failReads };
}
