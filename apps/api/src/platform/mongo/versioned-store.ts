import { randomUUID } from 'node:crypto';
import type { Db, Document } from 'mongodb';
import type { Outbox } from '../outbox/outbox.ts';
import type { ProtectedFields } from '../security/protected-fields.ts';
import type { SideEffect } from '../side-effect.ts';
import type { ChangeFeed } from './change-feed.ts';
import { insertOrFail, replaceWhole } from './mongo.ts';

/** A record with a version that every change increases by exactly one. */
export interface Versioned {
  id: string;
  version: number;
}

type Stored<T extends Versioned> = Omit<T, 'id'> & { _id: string; changeId: string };
interface VersionDoc extends Document {
  _id: string;
  recordId: string;
  changeId: string;
  value?: Document;
  abandoned?: true;
  /** Its value was erased (the record's personal data, on its owner's request). */
  erased?: true;
}

/** What a key rotation pass did to one collection. */
export interface RotationProgress {
  collection: string;
  scanned: number;
  resealed: number;
}

/**
 * Records that several requests may change at once (FerretDB has no
 * transactions, and its conditional updates are read-then-write).
 *
 * Invariant: version n+1 of a record exists only if exactly one writer
 * inserted `<id>:<n+1>` into `<name>_versions`; that insert is the commit.
 * Two changes made from the same version cannot both be committed: the loser
 * gets 'conflict' and must re-read. The head document in `<name>` copies the
 * newest version for queries; readers roll it forward when a newer version
 * exists (a writer crashed between the two writes, or is still writing).
 * Side effects go to the outbox before the commit, keyed by the change.
 * With `changes`, every commit first writes a notice to that feed, so no
 * committed change lacks one (followers such as makeMirror read it).
 * `normalize` fills in what records stored by an older version lack; every
 * read passes through it. `protect` seals health and identity fields on the
 * way in and opens them on the way out (heads and versions carry the same
 * ciphertext, bound to the record id).
 */
export function makeVersionedStore<T extends Versioned>(
  db: Db,
  name: string,
  outbox: Outbox,
  options: { changes?: ChangeFeed; normalize?: (record: T) => T; protect?: ProtectedFields } = {},
) {
  const heads = db.collection<Stored<T>>(name);
  const versionsName = `${name}_versions`;
  const versions = db.collection<VersionDoc>(versionsName);

  const erasures = db.collection<{ _id: string; version: number; at: Date }>(`${name}_erasures`);
  const key = (id: string, version: number) => `${id}:${version}`;
  const protect = options.protect;
  const seal = <D>(doc: D, id: string) => (protect ? protect.seal(doc, id) : doc);
  const toStored = ({ id, ...rest }: T, changeId: string) => ({ _id: id, ...seal(rest, id), changeId }) as Stored<T>;
  const normalize = options.normalize ?? ((record: T) => record);
  const fromStored = ({ _id, changeId: _c, ...rest }: Stored<T>) =>
    normalize({ id: _id, ...(protect ? protect.open(rest, _id) : rest) } as unknown as T);

  /** Writes the head, then keeps rolling it forward while newer versions exist. */
  async function writeHead(doc: Stored<T>): Promise<T> {
    await replaceWhole(heads, doc._id, doc);
    return rollForward(doc);
  }

  /** After `written` reached the head: writes any newer versions committed meanwhile. */
  async function rollForward(written: Stored<T>): Promise<T> {
    const newer = await versions.findOne({ _id: key(written._id, written.version + 1) });
    if (!newer?.value) return fromStored(written);
    return writeHead({ ...(newer.value as Stored<T>), _id: written._id, changeId: newer.changeId });
  }

  async function commit(value: T, effects: SideEffect[]): Promise<'ok' | 'conflict'> {
    const changeId = randomUUID();
    const versionKey = key(value.id, value.version);
    const entry = await outbox.enqueue(effects, { collection: versionsName, id: versionKey, changeId });
    const stored = toStored(value, changeId);
    const { _id, ...rest } = stored;
    await options.changes?.announce(value.id, value.version);
    const won = await insertOrFail(versions, { _id: versionKey, recordId: value.id, changeId, value: rest as Document });
    if (won === 'duplicate') {
      outbox.discard(entry);
      return 'conflict';
    }
    // A new head is inserted (far cheaper than a replace on FerretDB) unless a reader already rolled it forward.
    if (value.version === 1 && (await insertOrFail(heads, stored as never)) === 'ok') await rollForward(stored);
    else await writeHead(stored);
    outbox.kick(entry);
    return 'ok';
  }

  /** Version `version`'s value is gone; a version still holding one is replaced by its stub. */
  const strip = (doc: VersionDoc) =>
    versions.replaceOne({ _id: doc._id }, { _id: doc._id, recordId: doc.recordId, changeId: doc.changeId, erased: true });

  async function findById(id: string): Promise<T | null> {
    const head = await heads.findOne({ _id: id } as never);
    const next = await versions.findOne({ _id: key(id, head ? head.version + 1 : 1) });
    if (!next || next.abandoned) return head ? fromStored(head as Stored<T>) : null;
    return writeHead({ ...(next.value as Stored<T>), _id: id, changeId: next.changeId });
  }

  /**
   * Rotation's step for one committed version, as it was read: writes it sealed under the
   * current key, then strips it again if its record was erased meanwhile (the erasure writes
   * its marker before stripping, so one of the two sees the other).
   */
  async function resealVersion(doc: VersionDoc) {
    await versions.replaceOne({ _id: doc._id }, { ...doc, value: protect!.reseal(doc.value!, doc.recordId) });
    const erased = await erasures.findOne({ _id: doc.recordId });
    if (erased && Number(doc._id.slice(doc.recordId.length + 1)) < erased.version) await strip(doc);
  }

  async function save(next: T, effects: SideEffect[] = []) {
    return commit(next, effects);
  }

  return {
    /** The head collection, for queries (lists, search); `fromHead` maps what they return. */
    heads,
    fromHead: fromStored,
    /** Every record as stored now: a scan, for a start-up load (a mirror's). */
    async loadAll(): Promise<T[]> {
      return (await heads.find().toArray()).map((doc) => fromStored(doc as Stored<T>));
    },
    /** Version `version` exactly as it was committed, or null. */
    async findVersion(id: string, version: number): Promise<T | null> {
      const doc = await versions.findOne({ _id: key(id, version) });
      return doc?.value ? fromStored({ ...(doc.value as Stored<T>), _id: id }) : null;
    },
    /** The newest committed version, or null (never created, or abandoned before creation). */
    findById,
    /** The head alone (one read; a version committed but not yet copied there is not seen): for list pages. */
    async peek(id: string): Promise<T | null> {
      const head = await heads.findOne({ _id: id } as never);
      return head ? fromStored(head as Stored<T>) : null;
    },
    /** Version 1; 'conflict' when the id was already created (or abandoned). */
    create(value: T, effects: SideEffect[] = []) {
      if (value.version !== 1) throw new Error('a new record starts at version 1');
      return commit(value, effects);
    },
    /** Commits `next` (its version one above the stored one), or 'conflict' when another change came first. */
    save,
    /**
     * Erases a record's personal data: commits `redact` of its newest version as the next one
     * (re-reading on conflict), then strips the value of every earlier version. The marker
     * `<name>_erasures._id = <id>` is written between the two, and a key rotation that rewrote
     * an earlier version checks it afterwards and strips again (so neither undoes the other).
     * Returns the erased record, or null when there is none.
     */
    async erase(id: string, redact: (record: T) => T, effects: SideEffect[] = []): Promise<T | null> {
      for (;;) {
        const current = await findById(id);
        if (!current) return null;
        const next = { ...redact(current), version: current.version + 1 };
        if ((await commit(next, effects)) === 'conflict') continue;
        await replaceWhole(erasures, id, { _id: id, version: next.version, at: new Date() });
        for (let v = 1; v < next.version; v += 1) {
          const doc = await versions.findOne({ _id: key(id, v) });
          if (doc?.value) await strip(doc);
        }
        return next;
      }
    },
    /**
     * Seals again, under the current key, every protected value that is in plaintext or under
     * another key: versions first (written by no one else once committed), then heads (written
     * back through the roll-forward, so a newer version written meanwhile wins). One scan of
     * each; a second pass finds nothing left, so an interrupted pass is simply run again.
     */
    async rotateKeys(onProgress: (p: RotationProgress) => void = () => undefined): Promise<RotationProgress[]> {
      if (!protect) return [];
      const progress = [
        { collection: versionsName, scanned: 0, resealed: 0 },
        { collection: name, scanned: 0, resealed: 0 },
      ];
      const [ofVersions, ofHeads] = progress as [RotationProgress, RotationProgress];
      for await (const doc of versions.find()) {
        ofVersions.scanned += 1;
        if (doc.value && protect.isStale(doc.value)) {
          await resealVersion(doc);
          ofVersions.resealed += 1;
        }
        if (ofVersions.scanned % 500 === 0) onProgress(ofVersions);
      }
      onProgress(ofVersions);
      for await (const doc of heads.find()) {
        ofHeads.scanned += 1;
        if (protect.isStale(doc)) {
          await writeHead(protect.reseal(doc as Stored<T>, String(doc._id)));
          ofHeads.resealed += 1;
        }
        if (ofHeads.scanned % 500 === 0) onProgress(ofHeads);
      }
      onProgress(ofHeads);
      return progress;
    },
    /** What key rotation walks in this store (container's `protectedStores`). */
    get protectedStore() {
      return { name, rotateKeys: this.rotateKeys, keyUse: this.keyUse };
    },
    /** Rotation's step for one version document as read (exposed for its race test). */
    resealVersion,
    /** How many protected values each key id (or 'plaintext') holds, heads and versions. */
    async keyUse(): Promise<Record<string, number>> {
      const use: Record<string, number> = {};
      if (!protect) return use;
      const count = (doc: unknown) => {
        for (const id of protect.keyIdsIn(doc)) use[id] = (use[id] ?? 0) + 1;
      };
      for await (const doc of versions.find()) if (doc.value) count(doc.value);
      for await (const doc of heads.find()) count(doc);
      return use;
    },
    /**
     * Stores many new records at version 1 in bulk (an import: thousands a second instead of
     * hundreds). For a database no API process serves yet: it announces nothing on a change
     * feed and has no side effects, and fails with a duplicate key if an id exists.
     */
    async importMany(values: T[]) {
      if (!values.length) return;
      const stored = values.map((v) => {
        if (v.version !== 1) throw new Error('an imported record starts at version 1');
        return toStored(v, randomUUID());
      });
      for (let i = 0; i < stored.length; i += 1_000) {
        const batch = stored.slice(i, i + 1_000);
        await versions.insertMany(
          batch.map(({ _id, changeId, ...rest }) => ({ _id: key(_id, 1), recordId: _id, changeId, value: rest as Document })),
        );
        await heads.insertMany(batch as never[]);
      }
    },
    /** Marks an id that was never created as abandoned, so a late creation of it fails; 'conflict' if it exists. */
    async abandon(id: string): Promise<'ok' | 'conflict'> {
      const result = await insertOrFail(versions, { _id: key(id, 1), recordId: id, changeId: randomUUID(), abandoned: true });
      return result === 'ok' ? 'ok' : 'conflict';
    },
  };
}
