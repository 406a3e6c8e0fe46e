import type { Db, Document } from 'mongodb';
import type { RotationProgress } from '../mongo/versioned-store.ts';
import type { ProtectedFields, ProtectedStore } from './protected-fields.ts';

/**
 * Key rotation for a sequenced log whose entries carry sealed fields (and a
 * `uid`, the id their values are bound to): entries in `<name>` (beside their
 * uids' claims, which hold nothing sealed) and their block copies in `<name>_blocks`. Entries never change otherwise, so this is
 * their only writer, and it writes the same plaintext under the current key.
 */
export function sealedLogStore(db: Db, name: string, protection: ProtectedFields): ProtectedStore {
  type Entry = Document & { uid: string };
  const entries = db.collection<{ _id: string; entry?: Entry }>(name);
  const blocks = db.collection<{ _id: string; entries: Entry[] }>(`${name}_blocks`);
  return {
    name,
    async rotateKeys(onProgress: (p: RotationProgress) => void = () => undefined) {
      const ofEntries = { collection: name, scanned: 0, resealed: 0 };
      for await (const doc of entries.find()) {
        if (!doc.entry) continue; // a uid's claim
        ofEntries.scanned += 1;
        if (protection.isStale(doc.entry)) {
          await entries.updateOne({ _id: doc._id }, { $set: { entry: protection.reseal(doc.entry, doc.entry.uid) } });
          ofEntries.resealed += 1;
        }
        if (ofEntries.scanned % 1_000 === 0) onProgress(ofEntries);
      }
      onProgress(ofEntries);
      const ofBlocks = { collection: `${name}_blocks`, scanned: 0, resealed: 0 };
      for await (const doc of blocks.find()) {
        ofBlocks.scanned += 1;
        if (!doc.entries.some((e) => protection.isStale(e))) continue;
        await blocks.updateOne({ _id: doc._id }, { $set: { entries: doc.entries.map((e) => protection.reseal(e, e.uid)) } });
        ofBlocks.resealed += 1;
      }
      onProgress(ofBlocks);
      return [ofEntries, ofBlocks];
    },
    async keyUse() {
      const use: Record<string, number> = {};
      const count = (e: Entry) => protection.keyIdsIn(e).forEach((id) => (use[id] = (use[id] ?? 0) + 1));
      for await (const doc of entries.find()) if (doc.entry) count(doc.entry);
      for await (const doc of blocks.find()) doc.entries.forEach(count);
      return use;
    },
  };
}
