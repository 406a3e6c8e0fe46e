import { AppError } from '../../../platform/app-error.ts';
import type { SideEffect } from '../../../platform/side-effect.ts';
import type { Appointment } from '../domain/appointment.ts';
import type { AppointmentsDeps, StoredOutcome } from './ports.ts';

/**
 * In-memory ports for appointment use-case tests. Time is one claim per exact
 * start; appointments keep every version, and a save commits only the next one.
 */
export function makeFakeAppointmentsDeps(now = new Date('2026-03-02T08:00:00Z')) {
  const versions = new Map<string, (Appointment | 'abandoned')[]>();
  const keys = new Map<string, { fingerprint: string; outcome?: StoredOutcome }>();
  const held = new Map<string, { holdId: string; token: string; createdAt: Date }>(); // start ISO -> claim
  const effects: SideEffect[] = [];
  /** Admins' reads handed to the audit, in order. */
  const adminReads: { actor: { userId: string; ip?: string | undefined }; read: { action: string; targetId: string } }[] = [];
  let seq = 0;
  /** How the next create fails: before storing, after storing, or with the database staying away (abandon fails too). */
  let failNextCreate: 'before-commit' | 'after-commit' | 'database-away' | undefined;
  let failNextAbandon = false;
  let failNextSave = false;

  const latest = (id: string) => versions.get(id)?.at(-1);
  const commit = async (a: Appointment, e: SideEffect[]) => {
    const list = versions.get(a.id) ?? [];
    if (list.length !== a.version - 1) return 'conflict' as const;
    versions.set(a.id, [...list, structuredClone(a)]);
    effects.push(...e);
    return 'ok' as const;
  };

  const deps: AppointmentsDeps = {
    appointments: {
      async create(a, e) {
        const failure = failNextCreate;
        failNextCreate = undefined;
        if (failure === 'after-commit') await commit(a, e);
        if (failure === 'database-away') failNextAbandon = true;
        if (failure) throw new Error('database went away');
        return commit(a, e);
      },
      async findById(id) {
        const a = latest(id);
        return a && a !== 'abandoned' ? structuredClone(a) : null;
      },
      async save(a, e) {
        if (!failNextSave) return commit(a, e);
        failNextSave = false;
        throw new Error('database went away');
      },
      async abandon(id) {
        if (failNextAbandon) {
          failNextAbandon = false;
          throw new Error('database still away');
        }
        if (versions.has(id)) return 'conflict';
        versions.set(id, ['abandoned']);
        return 'ok';
      },
      async list() {
        const items = [...versions.keys()].map((id) => latest(id)).filter((a): a is Appointment => !!a && a !== 'abandoned');
        return { items, total: items.length };
      },
      async erase(id, redact) {
        const a = latest(id);
        if (!a || a === 'abandoned') return null;
        const next = { ...redact(structuredClone(a)), version: a.version + 1 };
        versions.set(id, [next]);
        return structuredClone(next);
      },
      findChangedSince: async () =>
        [...versions.keys()].map((id) => latest(id)).filter((a): a is Appointment => !!a && a !== 'abandoned'),
    },
    idempotency: {
      async begin(key, fingerprint) {
        const k = keys.get(key);
        if (!k) {
          keys.set(key, { fingerprint });
          return { state: 'new' };
        }
        if (k.fingerprint !== fingerprint) return { state: 'reused' };
        return k.outcome ? { state: 'done', outcome: k.outcome } : { state: 'expired' };
      },
      async finish(key, outcome) {
        const k = keys.get(key)!;
        k.outcome ??= outcome;
      },
      purgeBefore: async () => 0,
    },
    time: {
      async claimTime({ start, holdId, keep, retryOfSameHold }) {
        const iso = start.toISOString();
        const token = `t${++seq}`;
        const holder = held.get(iso);
        const mine = keep?.includes(iso) || (retryOfSameHold && holder?.holdId === holdId);
        if (holder && !mine) throw new AppError('SLOT_UNAVAILABLE', 'taken');
        if (!holder) held.set(iso, { holdId, token, createdAt: now });
        return {
          slot: { start, end: new Date(start.getTime() + 30 * 60_000) },
          claimIds: [iso],
          inserted: holder ? [] : [iso],
          token,
        };
      },
      async releaseClaims({ holdId, ids, token }) {
        for (const id of ids) {
          const c = held.get(id);
          if (c && c.holdId === holdId && (!token || c.token === token)) held.delete(id);
        }
      },
      findClaimsByHolds: async (holdIds) =>
        [...held].filter(([, c]) => holdIds.includes(c.holdId)).map(([id, c]) => ({ id, ...c })),
      findHoldsCreatedBetween: async () => [...new Set([...held.values()].map((c) => c.holdId))],
    },
    directory: {
      findListedDoctor: async (id) =>
        id === 'd1' ? { id, name: 'Dr One', email: 'd1@x.test', timeZone: 'Europe/London' } : null,
      findAccount: async (id) => ({ id, name: `Patient ${id}`, email: `${id}@x.test` }),
    },
    accessAudit: {
      async recordAdminRead(actor, read) {
        adminReads.push({ actor, read });
      },
    },
    consultations: {
      async consultationRecord(a) {
        return { attendance: [], present: [], opensAt: a.start.toISOString(), closesAt: a.end.toISOString() };
      },
    },
    clock: { now: () => now },
    newId: () => `a${++seq}`,
    deriveId: (seed) => `derived:${seed}`,
  };
  return {
    deps,
    versions,
    held,
    effects,
    adminReads,
    failCreateOnce: (how: 'before-commit' | 'after-commit' | 'database-away' = 'before-commit') => (failNextCreate = how),
    setNow: (d: Date) => (now = d),
    failSaveOnce: () => (failNextSave = true),
  };
}
