import type { Collection, Db } from 'mongodb';

type Method = 'findOne' | 'replaceOne' | 'insertOne' | 'insertMany';

/**
 * The database with one method of its collections intercepted, for tests on
 * the real FerretDB that count, record or hold back calls: `around` gets the
 * collection's name, the call's arguments and the real call to make.
 */
export function interceptedDb(
  db: Db,
  method: Method,
  around: (name: string, args: unknown[], call: () => Promise<unknown>) => Promise<unknown>,
): Db {
  return new Proxy(db, {
    get: (target, prop) =>
      prop === 'collection'
        ? (name: string) =>
            new Proxy(target.collection(name), {
              get: (collection: Collection, p) =>
                p === method
                  ? (...args: unknown[]) =>
                      around(name, args, () => (collection[method] as (...a: unknown[]) => Promise<unknown>)(...args))
                  : (Reflect.get(collection, p) as unknown),
            })
        : (Reflect.get(target, prop) as unknown),
  });
}
