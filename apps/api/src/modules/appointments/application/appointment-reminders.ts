import { emailEffect, notificationEffect, type SideEffect } from '../../../platform/side-effect.ts';
import type { Appointment } from '../domain/appointment.ts';
import { when } from './appointment-mail.ts';
import { sidesOf } from './appointment-notifications.ts';
import type { AppointmentsDeps } from './ports.ts';

/** Something that calls back at a time, once (platform/outbox/scheduled-effects.ts). */
export interface ReminderScheduler {
  /** Idempotent by `uid`: however often an item is scheduled, it fires once. */
  schedule(at: Date, type: string, payload: Record<string, unknown>, uid: string): Promise<void>;
}

/** The outbox effect, committed with a booking or a move, that schedules the reminders of its time. */
export const SCHEDULE_REMINDERS = 'appointment.schedule-reminders';
/** The scheduled item: one reminder of one appointment's time. */
export const REMINDER = 'appointment.reminder';

const leads = {
  '24h': { ms: 24 * 3_600_000, words: '24 hours' },
  '15m': { ms: 15 * 60_000, words: '15 minutes' },
};
type Lead = keyof typeof leads;

export const remindersEffect = (a: Appointment): SideEffect => ({
  type: SCHEDULE_REMINDERS,
  payload: { appointmentId: a.id, start: a.start.toISOString() },
});

/**
 * Reminders 24 hours and 15 minutes before each confirmed consultation, by
 * e-mail and in-app, to both sides. Every booking and move commits
 * `remindersEffect`, whose delivery schedules the reminders of that time
 * (uid `<id>:<lead>:<start>`, so a redelivery schedules nothing new), except
 * those whose time has passed. When one is due, `remind` reads the
 * appointment: only if it is still confirmed at that very start, and has not
 * begun, does it send anything. So a cancellation drops the reminders and a
 * move leaves only those of the new time.
 */
export function makeAppointmentReminders(
  deps: Pick<AppointmentsDeps, 'appointments' | 'clock'> & { scheduler: ReminderScheduler; webOrigin: string },
) {
  function reminder(a: Appointment, lead: Lead): SideEffect[] {
    return sidesOf(a).flatMap((s) => {
      const at = when(a.start, s.zone);
      const link = new URL(s.link, deps.webOrigin).toString();
      return [
        // Never the reason: health data stays in the app, not in mailboxes.
        emailEffect({
          to: s.email,
          subject: `Reminder: consultation with ${s.other} in ${leads[lead].words}`,
          text: [
            `Hello ${s.name},`,
            '',
            `Your consultation with ${s.other} is on ${at}.`,
            '',
            `Open it in DocTime: ${link}`,
            '',
            'DocTime',
          ].join('\n'),
        }),
        notificationEffect({
          userId: s.userId,
          type: 'appointment.reminder',
          title: `Consultation in ${leads[lead].words}`,
          body: `Your consultation with ${s.other} is on ${at}.`,
          link: s.link,
        }),
      ];
    });
  }

  return {
    /** The outbox's delivery of `remindersEffect`: schedules each reminder still ahead. */
    async scheduleReminders(payload: Record<string, unknown>) {
      const { appointmentId, start } = payload as { appointmentId: string; start: string };
      const now = deps.clock.now().getTime();
      for (const [lead, { ms }] of Object.entries(leads)) {
        const at = new Date(Date.parse(start) - ms);
        if (at.getTime() > now)
          await deps.scheduler.schedule(at, REMINDER, { appointmentId, lead, start }, `${appointmentId}:${lead}:${start}`);
      }
    },
    /** A reminder that is due: what to send now (nothing if the appointment was cancelled, moved or has begun). */
    async remind(payload: Record<string, unknown>, ctx: { now: Date }): Promise<SideEffect[]> {
      const { appointmentId, lead, start } = payload as { appointmentId: string; lead: Lead; start: string };
      const a = await deps.appointments.findById(appointmentId);
      if (!a || a.status !== 'confirmed' || a.start.toISOString() !== start || a.start <= ctx.now) return [];
      return reminder(a, lead);
    },
  };
}
export type AppointmentReminders = ReturnType<typeof makeAppointmentReminders>;
