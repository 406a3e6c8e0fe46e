import type { Appointment } from '@doctime/contracts';
import { CancelAppointmentModal } from '../../../components/cancel-appointment-modal';
import { formatDateTimeIn } from '../../../lib/date-time';
import { RescheduleModal } from './reschedule-modal';

interface PatientAppointmentModalsProps {
  timeZone: string;
  cancelling: Appointment | null;
  rescheduling: Appointment | null;
  onCloseCancel: () => void;
  onCloseReschedule: () => void;
}

/** The cancel and reschedule dialogs the patient's appointment screens share. */
export function PatientAppointmentModals({
  timeZone,
  cancelling,
  rescheduling,
  onCloseCancel,
  onCloseReschedule,
}: PatientAppointmentModalsProps) {
  return (
    <>
      <CancelAppointmentModal
        appointment={cancelling}
        onClose={onCloseCancel}
        summary={(a) => (
          <>
            Your appointment with <strong>{a.doctor.name}</strong> on <strong>{formatDateTimeIn(a.start, timeZone)}</strong> (
            {timeZone}) will be cancelled and the time offered to other patients.
          </>
        )}
        policy={(a) => (
          <>
            You can cancel until <strong>{formatDateTimeIn(a.changeableUntil, timeZone)}</strong>, 4 hours before the start.
          </>
        )}
        placeholder="e.g. I am feeling better"
      />
      <RescheduleModal appointment={rescheduling} timeZone={timeZone} onClose={onCloseReschedule} />
    </>
  );
}
