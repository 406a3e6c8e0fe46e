import { socketEvents, type Message } from '@doctime/contracts';
import { useCallback, useEffect, useRef, useState } from 'react';
import { emitRealtime, useRealtimeEvent } from '../../lib/realtime';

/** While typing, say so at most this often. */
const REPEAT_MS = 3_000;
/** Typing stopped after this long without a keystroke. */
const IDLE_MS = 4_000;
/** Hide the other side's indicator after this long without news (their "stopped" may be lost). */
const SHOW_MS = 6_000;

/**
 * The typing indicator both ways: `typing()` on each keystroke tells the
 * other side (throttled) and `stop()` ends it (sent, cleared, left);
 * `peerTyping` is whether the other participant is typing now.
 */
export function useTyping(conversationId: string, me: string) {
  const [peerTyping, setPeerTyping] = useState(false);
  const hideTimer = useRef<number | undefined>(undefined);
  const idleTimer = useRef<number | undefined>(undefined);
  const lastSent = useRef(0);

  useRealtimeEvent<{ conversationId: string; userId: string; isTyping: boolean }>(socketEvents.typing, (event) => {
    if (event.conversationId !== conversationId || event.userId === me) return;
    window.clearTimeout(hideTimer.current);
    setPeerTyping(event.isTyping);
    if (event.isTyping) hideTimer.current = window.setTimeout(() => setPeerTyping(false), SHOW_MS);
  });
  useRealtimeEvent<{ message: Message }>(socketEvents.messageNew, ({ message }) => {
    if (message.conversationId === conversationId && message.senderId !== me) setPeerTyping(false);
  });

  const stop = useCallback(() => {
    window.clearTimeout(idleTimer.current);
    if (!lastSent.current) return;
    lastSent.current = 0;
    emitRealtime(socketEvents.typing, { conversationId, isTyping: false });
  }, [conversationId]);

  const typing = useCallback(() => {
    const now = Date.now();
    if (now - lastSent.current > REPEAT_MS && emitRealtime(socketEvents.typing, { conversationId, isTyping: true }))
      lastSent.current = now;
    window.clearTimeout(idleTimer.current);
    idleTimer.current = window.setTimeout(stop, IDLE_MS);
  }, [conversationId, stop]);

  useEffect(
    () => () => {
      stop();
      window.clearTimeout(hideTimer.current);
    },
    [stop],
  );

  return { peerTyping, typing, stop };
}
