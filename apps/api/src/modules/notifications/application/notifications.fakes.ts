import { applyRead, noneRead, type ReadState } from '../domain/notification-reads.ts';
import type { StoredNotification } from '../domain/notification.ts';
import type { NotificationsDeps } from './ports.ts';

/** In-memory ports for notification use-case tests: a log per user, a read state per user, recorded pushes. */
export function makeFakeNotificationsDeps(now = new Date('2026-03-02T08:00:00Z')) {
  const logs = new Map<string, StoredNotification[]>();
  const states = new Map<string, ReadState>();
  const erased = new Set<string>();
  const pushes: { userIds: readonly string[]; event: string; payload: unknown }[] = [];
  let n = 0;
  const logOf = (userId: string) => logs.get(userId) ?? logs.set(userId, []).get(userId)!;
  const deps: NotificationsDeps = {
    log: {
      async appendOnce(userId, entry) {
        const log = logOf(userId);
        const at = log.findIndex((e) => e.uid === entry.uid);
        if (at >= 0) return { seq: at + 1, created: false };
        return { seq: log.push(entry), created: true };
      },
      tail: async (userId) => logOf(userId).length,
      readSeqs: async (userId, seqs) => seqs.map((seq) => logOf(userId)[seq - 1] ?? null),
      isErased: async (userId) => erased.has(userId),
      async eraseAll(userId) {
        erased.add(userId);
        logs.set(
          userId,
          logOf(userId).map((e) => ({ ...e, title: '', body: '' })),
        );
      },
    },
    reads: {
      read: async (userId) => states.get(userId) ?? noneRead(),
      async change(userId, decide) {
        const state = states.get(userId) ?? noneRead();
        const change = decide(state);
        if (change) states.set(userId, applyRead(state, change));
        return states.get(userId) ?? state;
      },
    },
    push: { toUsers: (userIds, event, payload) => void pushes.push({ userIds, event, payload }) },
    clock: { now: () => now },
    newId: () => `tok${++n}`,
  };
  return { deps, logs, pushes, setNow: (d: Date) => (now = d) };
}
