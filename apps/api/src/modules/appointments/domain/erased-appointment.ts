import type { Appointment } from './appointment.ts';

/** The reason the doctor reads when an appointment ends with its patient's account. */
export const ACCOUNT_DELETED_REASON = 'Patient deleted their account';
/** How an erased patient is named on the appointments their doctors keep. */
export const DELETED_PATIENT = 'Deleted patient';

/**
 * The appointment as its doctor keeps it once the patient is gone: times,
 * status and the course of its history stay; the patient's name, address,
 * reason and every free-text reason of its history do not (the history keeps
 * only the deletion's own reason, which names no one).
 */
export function withoutPatient(a: Appointment): Appointment {
  const { reason: _reason, ...kept } = a;
  return {
    ...kept,
    patient: { name: DELETED_PATIENT, email: '' },
    history: a.history.map(({ reason, ...change }) => (reason === ACCOUNT_DELETED_REASON ? { ...change, reason } : change)),
  };
}
