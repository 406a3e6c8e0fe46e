import { describe, expect, it } from 'vitest';
import type { MedicalProfile } from '../domain/medical-profile.ts';
import type { MedicalProfileRepository } from './ports.ts';
import { makePatientsUseCases } from './use-cases.ts';

/** Versioned like the real store: a save commits only on top of the version it was made from. */
function makeFakes() {
  const records = new Map<string, MedicalProfile>();
  /** Every committed version, in commit order. */
  const committed: MedicalProfile[] = [];
  /** Runs before each save: a test commits a competing change there. */
  let beforeSave: (() => Promise<void>) | undefined;
  const profiles: MedicalProfileRepository = {
    findByPatientId: async (id) => structuredClone(records.get(id) ?? null),
    async save(next) {
      const hook = beforeSave;
      beforeSave = undefined;
      await hook?.();
      if ((records.get(next.patientId)?.version ?? 0) !== next.version - 1) return 'conflict';
      records.set(next.patientId, structuredClone(next));
      committed.push(structuredClone(next));
      return 'ok';
    },
    async erase(id, redact) {
      const current = records.get(id);
      if (!current) return null;
      const next = { ...redact(current), version: current.version + 1 };
      records.set(id, next);
      committed.push(next);
      return next;
    },
  };
  const useCases = makePatientsUseCases({ profiles, clock: { now: () => new Date('2026-05-01T10:00:00Z') } });
  return { useCases, committed, onNextSave: (hook: () => Promise<void>) => (beforeSave = hook) };
}

describe('patients use cases', () => {
  it('answers the empty profile until one is saved', async () => {
    const { useCases } = makeFakes();
    expect(await useCases.getMedicalProfile('p1')).toEqual({
      patientId: 'p1',
      version: 0,
      allergies: [],
      conditions: [],
      medications: [],
      updatedAt: null,
    });
  });

  it('applies a save again on the version another save committed first, keeping both', async () => {
    const { useCases, committed, onNextSave } = makeFakes();
    onNextSave(async () => {
      await useCases.updateMedicalProfile('p1', { bloodGroup: 'B+' });
    });
    const saved = await useCases.updateMedicalProfile('p1', { allergies: ['Latex'] });
    expect(saved).toMatchObject({ version: 2, bloodGroup: 'B+', allergies: ['Latex'] });
    expect(committed.map((p) => p.version)).toEqual([1, 2]);
    expect(await useCases.getMedicalProfile('p1')).toEqual(saved);
  });

  it('spends no version on a save that changes nothing', async () => {
    const { useCases, committed } = makeFakes();
    await useCases.updateMedicalProfile('p1', { sex: 'male' });
    expect(await useCases.updateMedicalProfile('p1', { sex: 'male' })).toMatchObject({ version: 1 });
    expect(committed).toHaveLength(1);
  });

  it('erases a saved profile to an empty one that takes no more changes', async () => {
    const { useCases } = makeFakes();
    await useCases.updateMedicalProfile('p1', { notes: 'Pacemaker', allergies: ['Latex'] });
    await useCases.eraseMedicalProfile('p1');
    expect(await useCases.getMedicalProfile('p1')).toMatchObject({ version: 2, allergies: [], conditions: [], medications: [] });
    expect(await useCases.getMedicalProfile('p1')).not.toHaveProperty('notes');
    await expect(useCases.updateMedicalProfile('p1', { notes: 'again' })).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('erases a profile never saved by storing it erased, so a late first save cannot land', async () => {
    const { useCases, committed } = makeFakes();
    await useCases.eraseMedicalProfile('p2');
    expect(committed).toMatchObject([{ patientId: 'p2', version: 1, allergies: [] }]);
    expect(committed[0]!.erasedAt).toBeInstanceOf(Date);
    await expect(useCases.updateMedicalProfile('p2', { sex: 'female' })).rejects.toMatchObject({ code: 'CONFLICT' });
  });
});
