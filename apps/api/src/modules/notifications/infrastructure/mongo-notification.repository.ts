import type { Binary, Db } from 'mongodb';
import { makeFoldedStore } from '../../../platform/mongo/folded-store.ts';
import { insertOrFail, replaceWhole } from '../../../platform/mongo/mongo.ts';
import { makeSequencedLog } from '../../../platform/mongo/sequenced-log.ts';
import type { FieldCipher } from '../../../platform/security/field-cipher.ts';
import { protectFields, type ProtectedStore } from '../../../platform/security/protected-fields.ts';
import { sealedLogStore } from '../../../platform/security/sealed-log.ts';
import type { NotificationLog, ReadStates } from '../application/ports.ts';
import { applyRead, noneRead, type ReadChange, type ReadState } from '../domain/notification-reads.ts';
import type { StoredNotification } from '../domain/notification.ts';

const NAME = 'notifications';
/** Title and body name the other side of an appointment (who sees which doctor is sealed, decision 0017). */
const PROTECTED_FIELDS = ['title', 'body'];
type SealedNotification = Omit<StoredNotification, 'title' | 'body'> & { title: Binary; body: Binary };

/** One user's notifications for `importMany`, oldest first (their seqs are 1, 2, ...), and what they have read. */
export interface ImportedNotifications {
  userId: string;
  entries: StoredNotification[];
  read?: ReadChange;
}

/**
 * Notifications at scale, every read by `_id` (decision 0014): per user a
 * sequenced log (`notifications`, `<userId>:<seq>`, full blocks of 50 copied
 * into one document) with title and body sealed, and the read state as a
 * folded record per user (`notification_reads`, changes `<userId>:<n>`). A
 * page costs a tail probe, the read state's head, and a block or a few
 * entries. A process that has not seen a user's log yet starts its tail probe
 * from `notification_tails`, a seq some appender stored (maybe not the last,
 * which the probe then finds): two reads instead of galloping from 1.
 */
export function makeMongoNotificationRepository(
  db: Db,
  cipher: FieldCipher,
): {
  log: NotificationLog;
  reads: ReadStates;
  protectedStore: ProtectedStore;
  importMany(users: ImportedNotifications[]): Promise<void>;
} {
  const log = makeSequencedLog<SealedNotification>(db, NAME, { blockSize: 50, cache: 20_000 });
  const protection = protectFields(cipher, NAME, PROTECTED_FIELDS);
  const reads = makeFoldedStore<ReadState, ReadChange>(db, 'notification_reads', { empty: noneRead, apply: applyRead });
  const tails = db.collection<{ _id: string; seq: number }>('notification_tails');
  /** Users whose notifications were erased (account deletion), by `_id`: deliveries check it after appending. */
  const erasures = db.collection<{ _id: string; at: Date }>('notification_erasures');
  const known = new Set<string>();

  const sealed = (n: StoredNotification) => protection.seal(n, n.uid) as unknown as SealedNotification;
  const opened = (n: SealedNotification | null) => (n ? (protection.open(n, n.uid) as unknown as StoredNotification) : null);

  /** Hands the log a stored seq of a user it has not seen yet, to probe the tail from. */
  async function prime(userId: string) {
    if (known.has(userId)) return;
    const hint = await tails.findOne({ _id: userId });
    if (hint) await log.read(userId, hint.seq); // the log probes on from a seq it has read
    known.add(userId);
    if (known.size > 10_000) known.delete(known.values().next().value!);
  }

  /** Contiguous runs of seqs are read as ranges (a block where it is full). */
  async function readSeqs(userId: string, seqs: readonly number[]) {
    const found = new Map<number, SealedNotification | null>();
    const runs: [number, number][] = [];
    for (const seq of [...new Set(seqs)].sort((a, b) => a - b)) {
      const last = runs.at(-1);
      if (last && seq === last[1] + 1) last[1] = seq;
      else runs.push([seq, seq]);
    }
    await Promise.all(
      runs.map(async ([from, to]) => (await log.readRange(userId, from, to)).forEach((e, i) => found.set(from + i, e))),
    );
    return seqs.map((seq) => opened(found.get(seq) ?? null));
  }

  return {
    log: {
      async appendOnce(userId, entry) {
        await prime(userId);
        const appended = await log.appendOnce(userId, entry.uid, sealed(entry));
        // Any filled seq is a valid start for the probe: a late, lower write does no harm.
        if (appended.created) await replaceWhole(tails, userId, { _id: userId, seq: appended.seq }).catch(() => undefined);
        return appended;
      },
      tail: async (userId) => {
        await prime(userId);
        return log.tail(userId);
      },
      readSeqs,
      // Marked first, then title and body become empty (sealed like any value); type, link and time stay.
      async eraseAll(userId) {
        await insertOrFail(erasures, { _id: userId, at: new Date() });
        await log.rewriteAll(
          userId,
          (entry) => protection.seal({ ...entry, title: '', body: '' }, entry.uid) as unknown as SealedNotification,
        );
      },
      isErased: async (userId) => (await erasures.findOne({ _id: userId })) !== null,
    },
    reads: {
      read: async (userId) => (await reads.read(userId)).state,
      change: async (userId, decide) => (await reads.change(userId, decide)).state,
    },
    protectedStore: sealedLogStore(db, NAME, protection),
    /** Stores users' notifications at once (an import into a database no API process serves), sealed, with their tails and read states. */
    async importMany(users) {
      await log.importMany(users.map(({ userId, entries }) => ({ key: userId, entries: entries.map(sealed) })));
      const tailed = users.filter(({ entries }) => entries.length);
      if (tailed.length) await tails.insertMany(tailed.map(({ userId, entries }) => ({ _id: userId, seq: entries.length })));
      await reads.importMany(users.flatMap(({ userId, read }) => (read ? [{ id: userId, change: read }] : [])));
    },
  };
}
