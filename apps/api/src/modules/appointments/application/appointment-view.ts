import type { Appointment as AppointmentView } from '@doctime/contracts';
import { changeableUntil, type ListedAppointment } from '../domain/appointment.ts';

export function toAppointmentView(a: ListedAppointment): AppointmentView {
  return {
    id: a.id,
    doctorId: a.doctorId,
    patientId: a.patientId,
    start: a.start.toISOString(),
    end: a.end.toISOString(),
    status: a.status,
    ...(a.reason ? { reason: a.reason } : {}),
    doctor: {
      id: a.doctorId,
      name: a.doctor.name,
      timeZone: a.doctor.timeZone,
      ...(a.doctor.specialty ? { specialty: a.doctor.specialty } : {}),
    },
    patient: { id: a.patientId, name: a.patient.name },
    changeableUntil: changeableUntil(a).toISOString(),
    history: a.history.map((h) => ({ ...h, at: h.at.toISOString() })),
    createdAt: a.createdAt.toISOString(),
  };
}
