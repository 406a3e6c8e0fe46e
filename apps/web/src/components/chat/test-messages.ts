import type { Conversation, Message } from '@doctime/contracts';

/** A message of the test conversation `c1`. */
export function messageOf(seq: number, over: Partial<Message> = {}): Message {
  return {
    id: `m${seq}`,
    conversationId: 'c1',
    seq,
    senderId: 'doctor-1',
    kind: 'text',
    text: `message ${seq}`,
    clientId: `client-${seq}`,
    createdAt: new Date(Date.UTC(2026, 2, 3, 10, seq)).toISOString(),
    ...over,
  };
}

/** Conversation `c1` between patient-1 and doctor-1. */
export function conversationOf(over: Partial<Conversation> = {}): Conversation {
  return {
    id: 'c1',
    patient: { id: 'patient-1', name: 'Asha Rao' },
    doctor: { id: 'doctor-1', name: 'Dr Ravi Menon' },
    unreadCount: 0,
    canPost: true,
    lastActivityAt: '2026-03-03T10:00:00.000Z',
    peerDeliveredUpTo: 0,
    peerReadUpTo: 0,
    readUpTo: 0,
    peerOnline: false,
    ...over,
  };
}
