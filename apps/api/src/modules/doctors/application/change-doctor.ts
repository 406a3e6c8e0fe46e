import { AppError } from '../../../platform/app-error.ts';
import { CHANGE_TRIES, pauseBeforeRetry } from '../../../platform/retry.ts';
import type { SideEffect } from '../../../platform/side-effect.ts';
import type { Doctor } from '../domain/doctor.ts';
import type { KycResult, KycRecord } from '../domain/kyc.ts';
import { findDoctor, loadDoctor } from './load-doctor.ts';
import type { DoctorsDeps } from './ports.ts';

/** What a decision made on the current record wants stored: the next version and its side effects. */
export type DoctorChange = { next: Doctor; effects?: SideEffect[] } | 'unchanged';

/** A domain refusal as an AppError; otherwise the next KYC record (or 'unchanged'). */
export function applied(result: KycResult): KycRecord | 'unchanged' {
  if (!result.ok) throw new AppError(result.code, result.message);
  return result.kyc;
}

/**
 * Reads the doctor, lets `decide` (pure; it may throw an AppError to refuse)
 * make the next version from what it read, and commits it with its effects.
 * When another change was committed first, the record is read again and the
 * decision made again on it, so no concurrent change is ever overwritten.
 * `create: false` for callers that must not create the record (admins).
 */
export async function changeDoctor(
  deps: DoctorsDeps,
  doctorId: string,
  decide: (current: Doctor) => DoctorChange,
  options: { create?: boolean } = {},
): Promise<Doctor> {
  for (let attempt = 1; attempt <= CHANGE_TRIES; attempt++) {
    if (attempt > 1) await pauseBeforeRetry(attempt);
    const current = options.create === false ? await findDoctor(deps, doctorId) : await loadDoctor(deps, doctorId);
    const change = decide(current);
    if (change === 'unchanged') return current;
    if ((await deps.doctors.save(change.next, change.effects ?? [])) === 'ok') return change.next;
  }
  throw new AppError('CONFLICT', 'This doctor record is being changed by someone else. Reload and try again.');
}
