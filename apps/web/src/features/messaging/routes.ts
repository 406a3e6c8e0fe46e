import type { Role } from '@doctime/contracts';

/** The Messages page of a patient or a doctor, optionally with one conversation open. */
export function messagesPath(role: Role, conversationId?: string): string {
  const base = `/${role}/messages`;
  return conversationId ? `${base}/${encodeURIComponent(conversationId)}` : base;
}
