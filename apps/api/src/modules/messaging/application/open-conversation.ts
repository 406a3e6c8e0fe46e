import { AppError } from '../../../platform/app-error.ts';
import { conversationViews } from './conversation-view.ts';
import { makeLearnAppointment } from './learn-appointment.ts';
import type { MessagingDeps } from './ports.ts';

/** POST /conversations {appointmentId}: the conversation of that appointment's patient and doctor, opened on first call. */
export function makeOpenConversation(deps: MessagingDeps) {
  const learnAppointment = makeLearnAppointment(deps);
  return async function openConversation(appointmentId: string, caller: { userId: string }) {
    const facts = await deps.appointments.findAppointmentFacts(appointmentId);
    if (!facts || (facts.patientId !== caller.userId && facts.doctorId !== caller.userId))
      throw new AppError('NOT_FOUND', 'No such appointment.');
    const id = await learnAppointment(facts);
    const conversation = (await deps.conversations.findById(id))!;
    const inbox = await deps.inboxes.read(caller.userId);
    const [view] = await conversationViews(deps, caller.userId, [{ conversation, entry: inbox.conversations[id] }], {
      peers: true,
    });
    return view!;
  };
}
