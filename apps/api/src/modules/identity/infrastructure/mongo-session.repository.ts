import type { Db } from 'mongodb';
import { insertOrFail } from '../../../platform/mongo/mongo.ts';
import { probeLast } from '../../../platform/mongo/sequenced-log.ts';
import type { SessionRepository } from '../application/ports.ts';
import type { RefreshToken, SessionFamily } from '../domain/refresh-session.ts';

interface FamilyDoc extends Omit<SessionFamily, 'id'> {
  _id: string;
}
interface TokenDoc extends Omit<RefreshToken, 'id'> {
  _id: string;
}
/**
 * `user_sessions`: `_id = <userId>:<n>`, the n-th session family of the user, inserted once
 * (insert-or-fail) and never changed or deleted, so places 1..last are all taken and can be
 * found by probing `_id`s. `liveUntil` is the latest expiry of this family and of every one
 * listed before it: once it has passed, nothing at or before this place is still open.
 */
interface ListedDoc {
  _id: string;
  familyId: string;
  expiresAt: Date;
  liveUntil: Date;
}
interface Place {
  n: number;
  liveUntil: Date;
}

const NONE: Place = { n: 0, liveUntil: new Date(0) };
/** An access token outlives its family's end by at most its own lifetime (minutes); a day covers it. */
const ACCESS_GRACE_MS = 86_400_000;
/** List places read at once while revoking. */
const BATCH = 20;
/** Users whose last place this process remembers. */
const HINTS = 10_000;

const placeId = (userId: string, n: number) => `${userId}:${n}`;
const later = (a: Date, b: Date) => (a.getTime() >= b.getTime() ? a : b);

export function makeMongoSessionRepository(
  db: Db,
): SessionRepository & { ensureIndexes(): Promise<void>; backfillLists(): Promise<void> } {
  const families = db.collection<FamilyDoc>('session_families');
  const tokens = db.collection<TokenDoc>('refresh_tokens');
  const listed = db.collection<ListedDoc>('user_sessions');
  // Places are never freed, so a place once seen is a safe start for the next probe of that user.
  const lastSeen = new Map<string, Place>();

  const lastPlace = (userId: string, known = lastSeen.get(userId) ?? NONE) =>
    probeLast(known, async (n): Promise<Place | null> => {
      const doc = await listed.findOne({ _id: placeId(userId, n) }, { projection: { liveUntil: 1 } });
      return doc ? { n, liveUntil: doc.liveUntil } : null;
    });

  function remember(userId: string, place: Place) {
    lastSeen.delete(userId);
    if (lastSeen.size >= HINTS) lastSeen.delete(lastSeen.keys().next().value!);
    lastSeen.set(userId, place);
  }

  /** Lists the family under its user in the next free place; a concurrent login taking it first moves it on. */
  async function list({ id, userId, expiresAt }: Pick<SessionFamily, 'id' | 'userId' | 'expiresAt'>) {
    let last = await lastPlace(userId);
    for (;;) {
      const place = { n: last.n + 1, liveUntil: later(last.liveUntil, expiresAt) };
      const doc = { _id: placeId(userId, place.n), familyId: id, expiresAt, liveUntil: place.liveUntil };
      if ((await insertOrFail(listed, doc)) === 'ok') return remember(userId, place);
      last = await lastPlace(userId, last);
    }
  }

  async function revokeFamily(id: string, at: Date) {
    // By `_id` alone: any other condition makes FerretDB scan the collection. Nothing ever
    // clears `revokedAt`, so setting it is monotonic: concurrent revocations cannot undo each
    // other, and one more only moves the recorded time. No other field of a family changes after
    // its insert, so this read-then-write can lose nothing (raced against logout, reset, block and
    // refresh in email-keys-and-session-lists.int.test.ts).
    await families.updateOne({ _id: id }, { $set: { revokedAt: at } });
  }

  /** Writes are what cost (FerretDB serializes them): a family already revoked, or purged, is only read. */
  async function revokeIfOpen(id: string, at: Date) {
    const family = await families.findOne({ _id: id }, { projection: { revokedAt: 1 } });
    if (family && !family.revokedAt) await revokeFamily(id, at);
  }

  return {
    async ensureIndexes() {
      // For housekeeping's purge and the backfill (MongoDB); look-ups go by `_id`.
      await Promise.all([
        families.createIndex({ expiresAt: 1 }, { name: 'expires' }),
        tokens.createIndex({ expiresAt: 1 }, { name: 'expires' }),
      ]);
    },
    async createFamily(family) {
      // Listed first: a family exists only once its user's list names it (a crash in between
      // leaves a place naming nothing, which revoking skips).
      await list(family);
      const { id, ...rest } = family;
      await families.insertOne({ _id: id, ...rest });
    },
    async findFamily(id) {
      const doc = await families.findOne({ _id: id });
      if (!doc) return null;
      const { _id, ...rest } = doc;
      return { id: _id, ...rest };
    },
    insertToken: ({ id, ...rest }) => insertOrFail(tokens, { _id: id, ...rest }),
    async findToken(id) {
      const doc = await tokens.findOne({ _id: id });
      if (!doc) return null;
      const { _id, ...rest } = doc;
      return { id: _id, ...rest };
    },
    revokeFamily,
    async purgeExpired(before) {
      const [t, f] = await Promise.all([
        tokens.deleteMany({ expiresAt: { $lt: before } }),
        families.deleteMany({ expiresAt: { $lt: before } }),
      ]);
      return t.deletedCount + f.deletedCount;
    },
    async revokeAllForUser(userId, at, exceptFamilyId) {
      // The user's list, newest first, by `_id`: read until a place whose `liveUntil` passed
      // (with the access tokens' grace), since every family listed before it has ended too.
      const ended = at.getTime() - ACCESS_GRACE_MS;
      const last = await lastPlace(userId);
      for (let top = last.n; top >= 1; top -= BATCH) {
        const places = Array.from({ length: Math.min(BATCH, top) }, (_, i) => top - i);
        const docs = await Promise.all(places.map((n) => listed.findOne({ _id: placeId(userId, n) })));
        const candidates = docs.filter(
          (d): d is ListedDoc => d !== null && d.expiresAt.getTime() >= ended && d.familyId !== exceptFamilyId,
        );
        await Promise.all(candidates.map((d) => revokeIfOpen(d.familyId, at)));
        if (docs.some((d) => !d || d.liveUntil.getTime() < ended)) return;
      }
    },
    /**
     * Lists the open families of a database stored before per-user lists existed, so
     * revoking finds them: one scan of `session_families`, once per database (recorded in
     * `migrations`). A second run, or two processes at once, only lists some families twice.
     */
    async backfillLists() {
      const done = db.collection<{ _id: string; at: Date }>('migrations');
      if (await done.findOne({ _id: 'session-lists' })) return;
      const open = (await families.find({ expiresAt: { $gt: new Date() } }).toArray()).filter((f) => !f.revokedAt);
      const byUser = [...Map.groupBy(open, (f) => f.userId).values()];
      for (let i = 0; i < byUser.length; i += 50) {
        await Promise.all(
          byUser.slice(i, i + 50).map(async (own) => {
            own.sort((a, b) => a.expiresAt.getTime() - b.expiresAt.getTime());
            for (const { _id, userId, expiresAt } of own) await list({ id: _id, userId, expiresAt });
          }),
        );
      }
      await insertOrFail(done, { _id: 'session-lists', at: new Date() });
    },
  };
}
