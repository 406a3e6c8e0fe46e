import type { AppointmentFacts, MessagingDeps } from './ports.ts';

/**
 * Folds an appointment's version into its pair's conversation (which it opens
 * the first time: both participants see it in their list from booking on).
 * Idempotent and order-free: the outbox may deliver versions late or twice.
 */
export function makeLearnAppointment(deps: MessagingDeps) {
  return async function learnAppointment(facts: AppointmentFacts) {
    const id = deps.conversationIdFor(facts.patientId, facts.doctorId);
    await deps.pairs.fold(id, {
      appointmentId: facts.id,
      version: facts.version,
      status: facts.status,
      start: facts.start.toISOString(),
      end: facts.end.toISOString(),
    });
    const at = deps.clock.now();
    // 'duplicate' is the usual answer: the pair's conversation was opened before.
    await deps.conversations.create({ id, patientId: facts.patientId, doctorId: facts.doctorId, createdAt: at });
    // Both sides list it (again, harmlessly, for every later version).
    await Promise.all([
      deps.inboxes.change(facts.patientId, { conversationId: id, peerId: facts.doctorId, at: at.toISOString() }),
      deps.inboxes.change(facts.doctorId, { conversationId: id, peerId: facts.patientId, at: at.toISOString() }),
    ]);
    return id;
  };
}
