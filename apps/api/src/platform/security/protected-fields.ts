import type { FieldCipher } from './field-cipher.ts';

type Doc = Record<string, unknown>;

function get(doc: Doc, path: string[]): unknown {
  let at: unknown = doc;
  for (const part of path) at = at && typeof at === 'object' ? (at as Doc)[part] : undefined;
  return at;
}
/** A copy of `doc` with `path` set to `value`, or removed when `value` is undefined (copying only the objects on the path). */
function set(doc: Doc, [head, ...rest]: string[], value: unknown): Doc {
  if (!rest.length) {
    const { [head!]: _old, ...others } = doc;
    return value === undefined ? others : { ...others, [head!]: value };
  }
  const inner = doc[head!];
  return inner && typeof inner === 'object' ? { ...doc, [head!]: set(inner as Doc, rest, value) } : doc;
}

/** The form of a value its blind index is computed from: case, width and separators do not matter. */
export const normalizeForIndex = (value: string) =>
  value
    .normalize('NFKC')
    .toUpperCase()
    .replace(/[\s./-]+/g, '');

/**
 * The fields of one collection's records that hold health or identity data
 * (dotted paths), sealed on the way into the database and opened on the way
 * out, so domain and application code see plain values. A value still in
 * plaintext (written before its field was protected) opens as itself, until
 * key rotation seals it. Each value is bound to (collection, path, record id).
 * `indexes` names, for a field looked up by equality, where its keyed blind
 * index is stored beside it (written with the sealed value, never returned).
 */
export function protectFields(
  cipher: FieldCipher,
  collection: string,
  paths: readonly string[],
  indexes: Readonly<Record<string, string>> = {},
) {
  const fields = paths.map((p) => ({ field: p, path: p.split('.') }));
  const indexPaths = Object.entries(indexes).map(([field, at]) => ({ field, path: field.split('.'), at: at.split('.') }));
  const map = <D>(doc: D, each: (value: unknown, field: string) => unknown): D => {
    let out = doc as Doc;
    for (const { field, path } of fields) {
      const value = get(out, path);
      if (value !== undefined && value !== null) out = set(out, path, each(value, field));
    }
    return out as D;
  };
  const isCurrent = (value: unknown) => cipher.isSealed(value) && cipher.keyIdOf(value) === cipher.currentKeyId;

  const protection = {
    collection,
    /** `doc` with every protected field sealed under the current key (values sealed already are kept), and its blind indexes. */
    seal<D>(doc: D, id: string): D {
      let out = doc as Doc;
      for (const { field, path, at } of indexPaths) {
        const value = get(out, path);
        if (typeof value === 'string') out = set(out, at, protection.blindIndex(field, value));
        else if (value === undefined || value === null) out = set(out, at, undefined);
      }
      return map(out as D, (value, field) => (cipher.isSealed(value) ? value : cipher.seal(value, { collection, field, id })));
    },
    /** `doc` with every protected field in plaintext (and no blind index). */
    open<D>(doc: D, id: string): D {
      let out = doc as Doc;
      for (const { at } of indexPaths) if (get(out, at) !== undefined) out = set(out, at, undefined);
      return map(out as D, (value, field) => (cipher.isSealed(value) ? cipher.open(value, { collection, field, id }) : value));
    },
    /** The blind index of `value` in `field` (one of `indexes`), as stored. */
    blindIndex: (field: string, value: string) => cipher.blindIndex(`${collection}.${field}`, normalizeForIndex(value)),
    /** Does `doc` hold a protected value in plaintext or under a key that is not current? */
    isStale(doc: unknown): boolean {
      return fields.some(({ path }) => {
        const value = get(doc as Doc, path);
        return value !== undefined && value !== null && !isCurrent(value);
      });
    },
    /** The key ids its protected values are sealed under ('plaintext' for a value not sealed). */
    keyIdsIn(doc: unknown): string[] {
      return fields.flatMap(({ path }) => {
        const value = get(doc as Doc, path);
        if (value === undefined || value === null) return [];
        return [cipher.isSealed(value) ? cipher.keyIdOf(value) : 'plaintext'];
      });
    },
    /** `doc` with every stale value sealed again under the current key. */
    reseal: <D>(doc: D, id: string): D =>
      map(doc, (value, field) => {
        if (isCurrent(value)) return value;
        const plain = cipher.isSealed(value) ? cipher.open(value, { collection, field, id }) : value;
        return cipher.seal(plain, { collection, field, id });
      }),
  };
  return protection;
}
export type ProtectedFields = ReturnType<typeof protectFields>;

/** What a repository that seals data hands to key rotation (`npm run keys:rotate`). */
export interface ProtectedStore {
  name: string;
  /** Seals again under the current key what is in plaintext or under another key, reporting as it goes. */
  rotateKeys(onProgress?: (p: { collection: string; scanned: number; resealed: number }) => void): Promise<unknown>;
  /** How many protected values each key id (or 'plaintext') holds. */
  keyUse(): Promise<Record<string, number>>;
}
