import { BSON, type Db } from 'mongodb';

/**
 * Where any of `needles` appears in the raw bytes of any document of any
 * collection of `db` (a stolen dump's view: strings inside nested and binary
 * fields included). Empty when the database holds none of them in plaintext.
 */
export async function plaintextIn(db: Db, needles: string[]): Promise<{ collection: string; id: unknown; needle: string }[]> {
  const found: { collection: string; id: unknown; needle: string }[] = [];
  const encoded = needles.map((needle) => ({ needle, bytes: Buffer.from(needle) }));
  for (const { name } of await db.listCollections({}, { nameOnly: true }).toArray())
    for await (const doc of db.collection(name).find()) {
      const raw = Buffer.from(BSON.serialize(doc));
      for (const { needle, bytes } of encoded) if (raw.includes(bytes)) found.push({ collection: name, id: doc._id, needle });
    }
  return found;
}
