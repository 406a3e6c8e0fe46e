import { socketEvents, type Message, type MessageKind } from '@doctime/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useReducer, useRef, useState } from 'react';
import { api } from '../../lib/api-client';
import { errorMessage } from '../../lib/api-error';
import { emitRealtime, useRealtimeEvent } from '../../lib/realtime';
import { uploadFile } from '../../lib/upload';
import { CHAT_API, fetchMessages, postMessage } from './chat-api';
import { patchConversations } from './use-chat-live';
import { initialThreadState, lastSeq, sendRequestOf, threadReducer, type PendingMessage } from './thread-state';

const PAGE = 30;
/** Pages fetched in one catch-up at most (a long absence then loads the rest on scroll or the next reconnect). */
const CATCH_UP_PAGES = 10;

/** What the composer hands over: text, or a file (image, PDF, recording) with its kind. */
export interface Draft {
  kind: MessageKind;
  text?: string;
  file?: File;
  durationMs?: number;
}

/**
 * The messages of one conversation, kept complete and live: the latest page
 * first, older pages on demand (`before`), new messages from the socket, and
 * after every (re)connect or a gap in `seq`, what was missed (`after`). The
 * caller's messages show at once as pending and are replaced by the server's
 * copy; a failed one can be retried with the same client id. Mount it under
 * `key={conversationId}`: it holds one conversation for its lifetime.
 */
export function useThread(conversationId: string, me: string) {
  const queryClient = useQueryClient();
  const [state, dispatch] = useReducer(threadReducer, initialThreadState);
  const stateRef = useRef(state);
  const [olderLoading, setOlderLoading] = useState(false);
  const [olderError, setOlderError] = useState<unknown>(null);
  const catchUpRun = useRef<{ running: boolean; again: boolean }>({ running: false, again: false });
  const readSent = useRef(0);
  const previewUrls = useRef(new Set<string>());

  useEffect(() => {
    stateRef.current = state;
  });

  const loadLatest = useCallback(
    async (signal?: AbortSignal) => {
      try {
        const page = await fetchMessages(conversationId, { limit: PAGE }, signal);
        dispatch({ type: 'latest', items: page.items, hasMore: page.hasMore });
      } catch (error) {
        if (!signal?.aborted) dispatch({ type: 'loadFailed', error });
      }
    },
    [conversationId],
  );

  useEffect(() => {
    const controller = new AbortController();
    void loadLatest(controller.signal);
    return () => controller.abort();
  }, [loadLatest]);

  /** Fetches everything after the last message held; runs once at a time and again if asked meanwhile. */
  const catchUp = useCallback(async () => {
    const run = catchUpRun.current;
    if (run.running) {
      run.again = true;
      return;
    }
    run.running = true;
    try {
      do {
        run.again = false;
        // Still loading the first page: that brings the latest anyway.
        if (stateRef.current.status === 'loading') continue;
        if (stateRef.current.status === 'error') {
          await loadLatest();
          continue;
        }
        let after = lastSeq(stateRef.current);
        for (let i = 0; i < CATCH_UP_PAGES; i++) {
          const page = await fetchMessages(conversationId, { after, limit: 100 });
          dispatch({ type: 'received', items: page.items });
          const last = page.items.at(-1);
          if (!page.hasMore || !last) break;
          after = last.seq;
        }
      } while (run.again);
    } catch {
      // The next reconnect or message tries again.
    } finally {
      run.running = false;
    }
  }, [conversationId, loadLatest]);

  useRealtimeEvent('connect', () => void catchUp());
  useRealtimeEvent<{ message: Message }>(socketEvents.messageNew, ({ message }) => {
    if (message.conversationId !== conversationId) return;
    const current = stateRef.current;
    const last = lastSeq(current);
    // A gap means something was missed: fetch from the last one held, which brings this one too.
    if (current.status === 'ready' && last > 0 && message.seq > last + 1) void catchUp();
    else dispatch({ type: 'received', items: [message] });
  });

  const loadOlder = useCallback(async () => {
    const first = stateRef.current.messages[0];
    if (!first || olderLoading) return;
    setOlderLoading(true);
    setOlderError(null);
    try {
      const page = await fetchMessages(conversationId, { before: first.seq, limit: PAGE });
      dispatch({ type: 'older', items: page.items, hasMore: page.hasMore });
    } catch (error) {
      setOlderError(error);
    } finally {
      setOlderLoading(false);
    }
  }, [conversationId, olderLoading]);

  const deliver = useCallback(
    async (entry: PendingMessage) => {
      const { clientId } = entry;
      dispatch({ type: 'sending', clientId });
      try {
        let fileId = entry.fileId;
        if (entry.kind !== 'text' && !fileId) {
          if (!entry.file) throw new Error('The file is gone; attach it again.');
          fileId = await uploadFile(entry.file, 'chat-media', (progress) => dispatch({ type: 'progress', clientId, progress }));
          dispatch({ type: 'uploaded', clientId, fileId });
        }
        const message = await postMessage(conversationId, sendRequestOf(entry, fileId));
        dispatch({ type: 'received', items: [message] });
      } catch (error) {
        dispatch({ type: 'failed', clientId, error: errorMessage(error) });
      }
    },
    [conversationId],
  );

  /** Shows the message at once and sends it. */
  const send = useCallback(
    (draft: Draft) => {
      const previewUrl = draft.file ? URL.createObjectURL(draft.file) : undefined;
      if (previewUrl) previewUrls.current.add(previewUrl);
      const entry: PendingMessage = {
        clientId: crypto.randomUUID(),
        kind: draft.kind,
        createdAt: new Date().toISOString(),
        stage: draft.file ? 'uploading' : 'sending',
        ...(draft.text ? { text: draft.text } : {}),
        ...(draft.file ? { file: draft.file, previewUrl } : {}),
        ...(draft.durationMs !== undefined ? { durationMs: draft.durationMs } : {}),
      };
      dispatch({ type: 'queued', pending: entry });
      void deliver(entry);
    },
    [deliver],
  );

  /** Sends a failed message again under the same client id (the server keeps one copy). */
  const retry = useCallback(
    (clientId: string) => {
      const entry = stateRef.current.pending.find((p) => p.clientId === clientId);
      if (entry && entry.stage === 'failed') void deliver(entry);
    },
    [deliver],
  );

  const discard = useCallback((clientId: string) => dispatch({ type: 'discarded', clientId }), []);

  /** Tells the other side (and the caller's other tabs) the thread is read up to its last message. */
  const markRead = useCallback(() => {
    const upToSeq = lastSeq(stateRef.current);
    if (upToSeq <= readSent.current) return;
    readSent.current = upToSeq;
    const receipt = { conversationId, upToSeq };
    emitRealtime(socketEvents.conversationDelivered, receipt);
    if (!emitRealtime(socketEvents.conversationRead, receipt)) {
      api.post(CHAT_API.read(conversationId), { upToSeq }).catch(() => {
        readSent.current = 0; // try again next time
      });
    }
    patchConversations(queryClient, { type: 'read', conversationId, userId: me, upToSeq }, me);
  }, [conversationId, me, queryClient]);

  // Local previews live until their message is confirmed or dropped, and no longer than the thread.
  useEffect(() => {
    const live = new Set(state.pending.map((p) => p.previewUrl));
    for (const url of previewUrls.current) {
      if (!live.has(url)) {
        URL.revokeObjectURL(url);
        previewUrls.current.delete(url);
      }
    }
  }, [state.pending]);
  useEffect(() => {
    const urls = previewUrls.current;
    return () => urls.forEach((url) => URL.revokeObjectURL(url));
  }, []);

  return { state, send, retry, discard, loadOlder, olderLoading, olderError, markRead, reload: loadLatest };
}
