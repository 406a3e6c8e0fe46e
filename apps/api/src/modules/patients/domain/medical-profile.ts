import type { BloodGroup, Sex } from '@doctime/contracts';

/**
 * What a patient tells the doctors they book about their health. One record
 * per patient, id = patientId, created by the first save: version 0 is the
 * empty profile nobody stored, and every committed change adds exactly one.
 * An erased profile (its account was deleted) is empty and takes no change.
 */
export interface MedicalProfile {
  patientId: string;
  version: number;
  /** YYYY-MM-DD. */
  dateOfBirth?: string;
  sex?: Sex;
  bloodGroup?: BloodGroup;
  allergies: string[];
  /** Chronic conditions. */
  conditions: string[];
  /** Current medications. */
  medications: string[];
  /** Anything else the doctor should know. */
  notes?: string;
  updatedAt: Date | null;
  erasedAt?: Date;
}

/** A change as the contract parsed it: a field left out stays, `null` clears it, a list replaces the list. */
export interface MedicalProfileChanges {
  dateOfBirth?: string | null | undefined;
  sex?: Sex | null | undefined;
  bloodGroup?: BloodGroup | null | undefined;
  allergies?: string[] | undefined;
  conditions?: string[] | undefined;
  medications?: string[] | undefined;
  notes?: string | null | undefined;
}

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

const SCALARS = ['dateOfBirth', 'sex', 'bloodGroup', 'notes'] as const;
const LISTS = ['allergies', 'conditions', 'medications'] as const;

export function emptyMedicalProfile(patientId: string): MedicalProfile {
  return { patientId, version: 0, allergies: [], conditions: [], medications: [], updatedAt: null };
}

/** The entries of a list once each, the first spelling kept ("Penicillin", "penicillin " -> "Penicillin"). */
export function distinctEntries(items: readonly string[]): string[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const key = item.trim().toLocaleLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * The next version of `profile` with `changes` applied, or 'unchanged' when
 * they change nothing (no version is spent on a save that changes nothing).
 */
export function withChanges(profile: MedicalProfile, changes: MedicalProfileChanges, at: Date): MedicalProfile | 'unchanged' {
  const next: MedicalProfile = { ...profile };
  for (const field of SCALARS) {
    const value = changes[field];
    if (value === undefined) continue;
    // Blank notes clear them like null does.
    if (value === null || value === '') delete next[field];
    else Object.assign(next, { [field]: value });
  }
  for (const field of LISTS) {
    const value = changes[field];
    if (value !== undefined) next[field] = distinctEntries(value);
  }
  const same = SCALARS.every((f) => next[f] === profile[f]) && LISTS.every((f) => sameList(next[f], profile[f]));
  return same ? 'unchanged' : { ...next, version: profile.version + 1, updatedAt: at };
}

/** The profile with every health field gone: what account deletion leaves. */
export function erasedMedicalProfile(profile: MedicalProfile, at: Date): MedicalProfile {
  return { ...emptyMedicalProfile(profile.patientId), version: profile.version + 1, updatedAt: at, erasedAt: at };
}

/**
 * Age in full years on `date` (both YYYY-MM-DD, in the same calendar): the
 * birthday counts from its own month and day, so someone born on 29 February
 * turns a year older on 1 March in common years. Null before the birth.
 */
export function ageOn(dateOfBirth: string, date: string): number | null {
  if (date < dateOfBirth) return null;
  const [by, bmd] = [Number(dateOfBirth.slice(0, 4)), dateOfBirth.slice(5)];
  const [y, md] = [Number(date.slice(0, 4)), date.slice(5)];
  return y - by - (md < bmd ? 1 : 0);
}
