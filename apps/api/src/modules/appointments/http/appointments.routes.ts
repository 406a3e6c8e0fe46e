import {
  AppointmentListQuery,
  BookAppointmentHeaders,
  BookAppointmentRequest,
  CancelAppointmentRequest,
  Id,
  RescheduleAppointmentRequest,
} from '@doctime/contracts';
import { Router, type RequestHandler } from 'express';
import { callerOf, type AuthGuards } from '../../../platform/http/auth.middleware.ts';
import { parseWith } from '../../../platform/http/validate.ts';
import type { AppointmentsUseCases } from '../application/use-cases.ts';

export interface AppointmentsLimits {
  /** Per patient, for booking and rescheduling (each runs the slot engine and claims time). */
  booking: RequestHandler;
}

export function appointmentsRouter(useCases: AppointmentsUseCases, guards: AuthGuards, limits: AppointmentsLimits): Router {
  const router = Router();
  const idOf = (params: Record<string, unknown>) => parseWith(Id, params['id']);

  router.post('/appointments', guards.requireRole('patient'), limits.booking, async (req, res) => {
    const body = parseWith(BookAppointmentRequest, req.body);
    const idempotencyKey = parseWith(BookAppointmentHeaders, req.headers)['idempotency-key'];
    const appointment = await useCases.bookAppointment({
      ...body,
      start: new Date(body.start),
      patientId: callerOf(res).userId,
      idempotencyKey,
    });
    res.status(201).json({ appointment });
  });

  router.get('/appointments', guards.requireUser, async (req, res) => {
    res.json(await useCases.listAppointments(callerOf(res), parseWith(AppointmentListQuery, req.query)));
  });

  router.get('/appointments/:id', guards.requireUser, async (req, res) => {
    res.json({ appointment: await useCases.getAppointment(idOf(req.params), { ...callerOf(res), ip: req.ip }) });
  });

  router.get('/appointments/:id/earlier', guards.requireRole('patient', 'doctor'), async (req, res) => {
    res.json(await useCases.listEarlierWithDoctor(idOf(req.params), callerOf(res)));
  });

  router.get('/appointments/:id/calendar.ics', guards.requireUser, async (req, res) => {
    const ics = await useCases.appointmentCalendar(idOf(req.params), { ...callerOf(res), ip: req.ip });
    res.type('text/calendar; charset=utf-8').attachment('appointment.ics').send(ics);
  });

  router.post('/appointments/:id/cancel', guards.requireUser, async (req, res) => {
    const { reason } = parseWith(CancelAppointmentRequest, req.body);
    res.json({ appointment: await useCases.cancelAppointment(idOf(req.params), callerOf(res), reason) });
  });

  router.post('/appointments/:id/reschedule', guards.requireUser, limits.booking, async (req, res) => {
    const { start } = parseWith(RescheduleAppointmentRequest, req.body);
    res.json({ appointment: await useCases.rescheduleAppointment(idOf(req.params), callerOf(res), new Date(start)) });
  });

  router.post('/appointments/:id/complete', guards.requireRole('doctor'), async (req, res) => {
    res.json({ appointment: await useCases.recordOutcome(idOf(req.params), callerOf(res), 'completed') });
  });

  router.post('/appointments/:id/no-show', guards.requireRole('doctor'), async (req, res) => {
    res.json({ appointment: await useCases.recordOutcome(idOf(req.params), callerOf(res), 'no_show') });
  });

  return router;
}
