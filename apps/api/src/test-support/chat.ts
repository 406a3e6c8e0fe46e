import { expect } from 'vitest';
import { io, type Socket } from 'socket.io-client';
import { signedIn } from './accounts.ts';
import { approvedDoctor } from './doctors.ts';
import type { ApiClient } from './http-client.ts';
import type { TestApi } from './test-api.ts';

const tomorrow = () => new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);

/** An approved doctor open every day 09:00-17:00 London time. */
export async function doctorWithHours(api: TestApi, admin: ApiClient, name = 'Dr Chat') {
  const doctor = await approvedDoctor(api, admin, name, { timeZone: 'Europe/London' });
  const weekly = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: '09:00', end: '17:00' }));
  const res = await doctor.c.put('/api/v1/doctors/me/availability', { timeZone: 'Europe/London', slotMinutes: 30, weekly });
  expect(res.status, res.text).toBe(200);
  return doctor;
}

/** Books the `nth` free slot of the doctor tomorrow for the patient; returns the appointment id. */
export async function book(patient: ApiClient, doctorId: string, nth = 0) {
  const slots = await patient.get(`/api/v1/doctors/${doctorId}/slots?from=${tomorrow()}&to=${tomorrow()}&tz=Europe%2FLondon`);
  expect(slots.status, slots.text).toBe(200);
  const start = slots.body.days[0].slots[nth].start as string;
  const booked = await patient.post('/api/v1/appointments', { doctorId, start, reason: 'Recurring headaches' });
  expect(booked.status, booked.text).toBe(201);
  return booked.body.appointment.id as string;
}

/** A patient with a confirmed appointment with a doctor, and their conversation's id. */
export async function bookedPair(api: TestApi, admin: ApiClient, doctor?: Awaited<ReturnType<typeof doctorWithHours>>) {
  const dr = doctor ?? (await doctorWithHours(api, admin));
  const patient = await signedIn(api, 'patient', 'Asha Patient');
  const appointmentId = await book(patient.c, dr.id);
  const opened = await patient.c.post('/api/v1/conversations', { appointmentId });
  expect(opened.status, opened.text).toBe(200);
  return { patient, doctor: dr, appointmentId, conversationId: opened.body.conversation.id as string };
}

/** A socket of the API, signed in with the access token (WebSocket only, no reconnection unless asked). */
export async function connect(baseUrl: string, token: string | undefined, options: { reconnection?: boolean } = {}) {
  const socket = io(baseUrl, {
    path: '/socket.io',
    transports: ['websocket'],
    auth: token === undefined ? {} : { token },
    reconnection: options.reconnection ?? false,
    forceNew: true,
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', (error) => reject(error));
  });
  return socket;
}

/** The next `event` on the socket that satisfies `match` (within `ms`). */
export function nextEvent<T = any>(socket: Socket, event: string, match: (payload: T) => boolean = () => true, ms = 3_000) {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => {
      socket.off(event, listener);
      reject(new Error(`no ${event} within ${ms} ms`));
    }, ms);
    const listener = (payload: T) => {
      if (!match(payload)) return;
      clearTimeout(timer);
      socket.off(event, listener);
      resolve(payload);
    };
    socket.on(event, listener);
  });
}

/** Every `event` the socket gets from now on (to check what did not arrive). */
export function collect<T = any>(socket: Socket, event: string): T[] {
  const seen: T[] = [];
  socket.on(event, (payload: T) => seen.push(payload));
  return seen;
}

/** Emits with an acknowledgement and resolves with it. */
export const emitAck = (socket: Socket, event: string, payload: unknown) =>
  socket.timeout(5_000).emitWithAck(event, payload) as Promise<any>;
