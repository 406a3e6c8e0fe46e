import type { Message, MessageKind, SendMessageRequest } from '@doctime/contracts';

/**
 * One open conversation as the browser holds it: the server's messages
 * (ascending `seq`, each once, however they arrived: first page, older pages,
 * live events, catch-up after a reconnect) and the caller's messages not yet
 * confirmed, shown at once and replaced by the server's copy (same clientId).
 */

/** A message of the caller's that the server has not confirmed yet. */
export interface PendingMessage {
  clientId: string;
  kind: MessageKind;
  text?: string;
  /** The file to upload, kept for a retry, and a local URL to show it meanwhile. */
  file?: File;
  previewUrl?: string;
  /** Once uploaded. */
  fileId?: string;
  durationMs?: number;
  createdAt: string;
  stage: 'uploading' | 'sending' | 'failed';
  /** Upload progress, 0-100. */
  progress?: number;
  error?: string;
}

export interface ThreadState {
  status: 'loading' | 'ready' | 'error';
  error: unknown;
  messages: Message[];
  pending: PendingMessage[];
  /** Older messages exist before the first one held. */
  hasOlder: boolean;
}

export type ThreadAction =
  | { type: 'reset' }
  | { type: 'latest'; items: Message[]; hasMore: boolean }
  | { type: 'older'; items: Message[]; hasMore: boolean }
  | { type: 'received'; items: Message[] }
  | { type: 'loadFailed'; error: unknown }
  | { type: 'queued'; pending: PendingMessage }
  | { type: 'progress'; clientId: string; progress: number }
  | { type: 'uploaded'; clientId: string; fileId: string }
  | { type: 'sending'; clientId: string }
  | { type: 'failed'; clientId: string; error: string }
  | { type: 'discarded'; clientId: string };

export const initialThreadState: ThreadState = { status: 'loading', error: null, messages: [], pending: [], hasOlder: false };

/** Both lists as one, each message once (by id), in ascending seq. */
export function mergeMessages(held: readonly Message[], incoming: readonly Message[]): Message[] {
  if (incoming.length === 0) return held as Message[];
  const byId = new Map(held.map((message) => [message.id, message]));
  for (const message of incoming) byId.set(message.id, message);
  return [...byId.values()].sort((a, b) => a.seq - b.seq);
}

/** The highest seq held (0 for none): catch-up asks for what comes after it. */
export function lastSeq(state: Pick<ThreadState, 'messages'>): number {
  return state.messages.at(-1)?.seq ?? 0;
}

/** Drops pending messages the server has now confirmed. */
function withoutConfirmed(pending: PendingMessage[], confirmed: readonly Message[]): PendingMessage[] {
  if (pending.length === 0) return pending;
  const clientIds = new Set(confirmed.map((message) => message.clientId));
  const left = pending.filter((entry) => !clientIds.has(entry.clientId));
  return left.length === pending.length ? pending : left;
}

function updatePending(state: ThreadState, clientId: string, change: Partial<PendingMessage>): ThreadState {
  return { ...state, pending: state.pending.map((entry) => (entry.clientId === clientId ? { ...entry, ...change } : entry)) };
}

export function threadReducer(state: ThreadState, action: ThreadAction): ThreadState {
  switch (action.type) {
    case 'reset':
      return initialThreadState;
    case 'latest':
      return {
        ...state,
        status: 'ready',
        error: null,
        messages: mergeMessages(state.messages, action.items),
        pending: withoutConfirmed(state.pending, action.items),
        hasOlder: action.hasMore,
      };
    case 'older':
      return { ...state, messages: mergeMessages(state.messages, action.items), hasOlder: action.hasMore };
    case 'received':
      return {
        ...state,
        messages: mergeMessages(state.messages, action.items),
        pending: withoutConfirmed(state.pending, action.items),
      };
    case 'loadFailed':
      return state.status === 'ready' ? state : { ...state, status: 'error', error: action.error };
    case 'queued':
      return { ...state, pending: [...state.pending, action.pending] };
    case 'progress':
      return updatePending(state, action.clientId, { stage: 'uploading', progress: action.progress });
    case 'uploaded':
      return updatePending(state, action.clientId, { fileId: action.fileId, stage: 'sending' });
    case 'sending': {
      const entry = state.pending.find((p) => p.clientId === action.clientId);
      const stage = entry && entry.kind !== 'text' && !entry.fileId ? 'uploading' : 'sending';
      return updatePending(state, action.clientId, { stage, progress: 0, error: undefined });
    }
    case 'failed':
      return updatePending(state, action.clientId, { stage: 'failed', error: action.error });
    case 'discarded':
      return { ...state, pending: state.pending.filter((entry) => entry.clientId !== action.clientId) };
  }
}

/** The request that posts a pending message (its file uploaded as `fileId`), shaped by kind as the API wants it. */
export function sendRequestOf(entry: PendingMessage, fileId: string | undefined): SendMessageRequest {
  const { clientId, kind, text } = entry;
  if (kind === 'text') return { clientId, kind, text: text ?? '' };
  if (!fileId) throw new Error('Upload the file first.');
  const caption = text ? { text } : {};
  if (kind === 'audio' || kind === 'video')
    return {
      clientId,
      kind,
      fileId,
      ...caption,
      ...(entry.durationMs !== undefined ? { durationMs: Math.round(entry.durationMs) } : {}),
    };
  return { clientId, kind, fileId, ...caption };
}
