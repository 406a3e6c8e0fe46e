import { AppError } from '../../../platform/app-error.ts';
import type { AvailabilityRules } from '../domain/availability-rules.ts';
import type { SchedulingDeps } from './ports.ts';

export function makeSetAvailability(deps: SchedulingDeps) {
  /** Only approved, listed doctors publish hours. Booked appointments are never touched. */
  return async function setAvailability(doctorId: string, rules: AvailabilityRules) {
    const doctor = await deps.doctors.findListedDoctor(doctorId);
    if (!doctor) throw new AppError('FORBIDDEN', 'Your profile must be approved before you can publish availability.');
    await deps.availability.save(doctorId, rules, deps.clock.now());
    return rules;
  };
}

export function makeGetAvailability(deps: SchedulingDeps) {
  /** The saved rules, or sensible empty defaults in the doctor's zone. */
  return async function getAvailability(doctorId: string): Promise<AvailabilityRules> {
    const saved = await deps.availability.find(doctorId);
    if (saved) return saved;
    const doctor = await deps.doctors.findListedDoctor(doctorId);
    return {
      timeZone: doctor?.timeZone ?? 'UTC',
      slotMinutes: 30,
      bufferMinutes: 0,
      minNoticeMinutes: 120,
      maxAdvanceDays: 60,
      weekly: [],
      overrides: [],
    };
  };
}
