import {
  ConversationListQuery,
  Id,
  MarkConversationReadRequest,
  MessageListQuery,
  OpenConversationRequest,
  SendMessageRequest,
} from '@doctime/contracts';
import { Router } from 'express';
import { callerOf, type AuthGuards } from '../../../platform/http/auth.middleware.ts';
import { parseWith } from '../../../platform/http/validate.ts';
import type { MessagingUseCases } from '../application/use-cases.ts';

/** Patients and doctors only: admins never read conversations (health data). */
export function messagingRouter(useCases: MessagingUseCases, guards: AuthGuards): Router {
  const router = Router();
  const participant = guards.requireRole('patient', 'doctor');
  const idOf = (params: Record<string, unknown>) => parseWith(Id, params['id']);

  router.post('/conversations', participant, async (req, res) => {
    const { appointmentId } = parseWith(OpenConversationRequest, req.body);
    res.json({ conversation: await useCases.openConversation(appointmentId, callerOf(res)) });
  });

  router.get('/conversations', participant, async (req, res) => {
    const { page, limit } = parseWith(ConversationListQuery, req.query);
    res.json(await useCases.listConversations(callerOf(res).userId, page, limit));
  });

  router.get('/conversations/:id', participant, async (req, res) => {
    res.json({ conversation: await useCases.getConversation(idOf(req.params), callerOf(res).userId) });
  });

  router.get('/conversations/:id/messages', participant, async (req, res) => {
    res.json(await useCases.listMessages(idOf(req.params), callerOf(res).userId, parseWith(MessageListQuery, req.query)));
  });

  router.post('/conversations/:id/messages', participant, async (req, res) => {
    const input = parseWith(SendMessageRequest, req.body);
    const { message, created } = await useCases.sendMessage(idOf(req.params), callerOf(res).userId, input);
    res.status(created ? 201 : 200).json({ message });
  });

  router.post('/conversations/:id/read', participant, async (req, res) => {
    const { upToSeq } = parseWith(MarkConversationReadRequest, req.body);
    res.json(await useCases.markRead(idOf(req.params), callerOf(res).userId, upToSeq));
  });

  return router;
}
