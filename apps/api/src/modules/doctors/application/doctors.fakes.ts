import type { SideEffect } from '../../../platform/side-effect.ts';
import type { Doctor } from '../domain/doctor.ts';
import type { DoctorsDeps } from './ports.ts';

interface FakeAccount {
  id: string;
  name: string;
  email: string;
  role: string;
  blocked: boolean;
}

/**
 * In-memory ports for doctors use-case tests. Doctors keep every version and
 * a save commits only the next one, like the versioned store; `beforeSave`
 * lets a test slip a concurrent change in between a read and a save.
 */
export function makeFakeDoctorsDeps(now = new Date('2026-03-02T08:00:00Z')) {
  const versions = new Map<string, Doctor[]>();
  const accounts = new Map<string, FakeAccount>();
  const effects: SideEffect[] = [];
  const attached: string[] = [];
  let saves = 0;
  let beforeSave: ((next: Doctor) => Promise<void>) | undefined;

  const latest = (id: string) => versions.get(id)?.at(-1);
  const commit = async (d: Doctor, e: SideEffect[]) => {
    saves++;
    const hook = beforeSave;
    beforeSave = undefined;
    await hook?.(d);
    const list = versions.get(d.id) ?? [];
    if (list.length !== d.version - 1) return 'conflict' as const;
    versions.set(d.id, [...list, structuredClone(d)]);
    effects.push(...e);
    return 'ok' as const;
  };

  const deps: DoctorsDeps = {
    doctors: {
      async findById(id) {
        const d = latest(id);
        return d ? structuredClone(d) : null;
      },
      create: (d) => commit(d, []),
      save: commit,
      async searchListed() {
        return { items: [], total: 0 };
      },
      async listByKycStatus() {
        return { items: [], total: 0 };
      },
      async countByKycStatus() {
        return { not_submitted: 0, pending: 0, approved: 0, rejected: 0, resubmission_requested: 0 };
      },
      async findByRegistration() {
        return [];
      },
    },
    specialties: {
      async seed() {},
      async list() {
        return [{ id: 'cardiology', name: 'Cardiology' }];
      },
      async findById(id) {
        return id === 'cardiology' ? { id, name: 'Cardiology' } : null;
      },
    },
    users: {
      async findById(id) {
        const a = accounts.get(id);
        return a ? { ...a } : null;
      },
    },
    files: {
      async attachFile({ fileId }) {
        attached.push(fileId);
        return { fileId };
      },
      async getFileUrl() {
        return null;
      },
    },
    availability: { doctorsAvailableOn: async () => [] },
    clock: { now: () => now },
  };

  return {
    deps,
    effects,
    attached,
    versionsOf: (id: string) => versions.get(id) ?? [],
    saves: () => saves,
    addDoctorAccount(id: string, over: Partial<FakeAccount> = {}) {
      accounts.set(id, { id, name: `Dr ${id}`, email: `${id}@example.test`, role: 'doctor', blocked: false, ...over });
    },
    setBlocked(id: string, blocked: boolean) {
      accounts.get(id)!.blocked = blocked;
    },
    /** Runs `hook` once, just before the next save is committed (e.g. a concurrent change). */
    beforeNextSave(hook: (next: Doctor) => Promise<void>) {
      beforeSave = hook;
    },
  };
}
