import { describe, expect, it } from 'vitest';
import {
  branchesOf,
  declaredIndexOf,
  isServed,
  keySpecOf,
  queriesOfCommand,
  unservedQueries,
  type DeclaredIndex,
  type QueryShape,
} from './index-coverage.ts';

const index = (key: Record<string, 1 | -1>): DeclaredIndex => ({ name: Object.keys(key).join('_'), key: keySpecOf(key) });
const query = (filter: Record<string, unknown>, sort: Record<string, 1 | -1> = {}) => ({
  branches: branchesOf(filter),
  sort: keySpecOf(sort),
});

describe('branchesOf: filters as the predicates an index cares about', () => {
  it.each([
    [{ a: 1, b: 'x', c: null, d: { nested: 1 }, e: [1, 2] }, [{ a: 'eq', b: 'eq', c: 'eq', d: 'eq', e: 'eq' }]],
    [{ a: { $eq: 1 }, b: { $in: [1, 2] }, c: { $gte: 1, $lt: 9 } }, [{ a: 'eq', b: 'in', c: 'range' }]],
    [
      { a: /^abc/, b: /abc/, c: /^abc/i, d: { $regex: '^x' }, e: { $regex: '^x', $options: 'i' } },
      [{ a: 'range', b: 'regex', c: 'regex', d: 'range', e: 'regex' }],
    ],
    [
      { a: { $exists: true }, b: { $exists: false }, c: { $ne: 1 }, d: { $nin: [1] }, e: { $not: /x/ } },
      [{ a: 'exists', b: 'ne', c: 'ne', d: 'ne', e: 'ne' }],
    ],
    [{ a: { $gte: 1, $ne: 5 }, b: { $elemMatch: { x: 1 } } }, [{ a: 'range', b: 'other' }]],
    [{ $and: [{ a: { $gt: 1 } }, { a: 2 }], b: 1 }, [{ a: 'eq', b: 'eq' }]],
    [
      { a: 1, $or: [{ b: 1 }, { c: { $lt: 2 } }] },
      [
        { a: 'eq', b: 'eq' },
        { a: 'eq', c: 'range' },
      ],
    ],
    [
      { $or: [{ a: 1 }, { b: 1 }], $and: [{ $or: [{ c: 1 }, { d: 1 }] }] },
      [
        { a: 'eq', c: 'eq' },
        { a: 'eq', d: 'eq' },
        { b: 'eq', c: 'eq' },
        { b: 'eq', d: 'eq' },
      ],
    ],
    [{ $nor: [{ a: 1 }, { b: 2 }], $comment: 'x' }, [{ a: 'ne', b: 'ne' }]],
    [{}, [{}]],
  ])('%j -> %j', (filter, expected) => {
    expect(branchesOf(filter)).toEqual(expected);
  });
});

describe('isServed: the Equality-Sort-Range rule', () => {
  const served: [string, ReturnType<typeof query>, DeclaredIndex[]][] = [
    ['_id equality needs nothing else', query({ _id: 'x', holdId: 'h', token: 't' }), []],
    ['_id $in', query({ _id: { $in: ['a', 'b'] } }, { at: 1 }), []],
    ['one equality', query({ email: 'a@b' }), [index({ email: 1 })]],
    ['equalities in any order', query({ b: 1, a: 2 }), [index({ a: 1, b: 1, c: 1 })]],
    ['$in counts as equality', query({ ownerId: { $in: ['a'] }, cell: { $gte: 1, $lt: 2 } }), [index({ ownerId: 1, cell: 1 })]],
    ['equality then range', query({ job: 'j', n: { $lte: 3 } }), [index({ job: 1, n: -1 })]],
    ['range alone on the first key', query({ at: { $lt: 1 } }), [index({ at: 1 })]],
    ['anchored regex is a range', query({ name: /^Dr/ }), [index({ name: 1 })]],
    ['range plus filtered negation', query({ cell: { $gte: 1 }, ownerId: { $not: /^p/ } }), [index({ cell: 1 })]],
    ['equality with an unindexed range left to filter', query({ patientId: 'p', end: { $gt: 1 } }), [index({ patientId: 1 })]],
    ['equality, sort', query({ job: 'j' }, { n: -1 }), [index({ job: 1, n: -1 })]],
    ['sort reversed as a whole', query({ a: 1 }, { s: 1, t: -1 }), [index({ a: 1, s: -1, t: 1 })]],
    ['sort on an equality field needs no place', query({ a: 1 }, { a: 1, s: 1 }), [index({ a: 1, s: 1 })]],
    ['equality, sort, range', query({ a: 1, r: { $gt: 1 } }, { s: 1 }), [index({ a: 1, s: 1, r: 1 })]],
    ['range on the sort field', query({ cell: { $lt: 5 } }, { cell: 1 }), [index({ cell: 1 })]],
    ['sort alone walks the index in order', query({}, { name: 1 }), [index({ name: 1 })]],
    ['sort with a scanning regex filtered on the way', query({ name: /x/i }, { at: -1, _id: 1 }), [index({ at: -1, _id: 1 })]],
    [
      'each $or branch by its own index, sort included',
      query({ d: 1, $or: [{ s: { $ne: 'c' } }, { end: { $lte: 1 } }] }, { start: -1 }),
      [index({ d: 1, start: 1 })],
    ],
    ['$or branches by different indexes', query({ $or: [{ a: 1 }, { b: 1 }] }), [index({ a: 1 }), index({ b: 1 })]],
    [
      'a partial index by a query within its filter',
      query({ email: 'a', deletedAt: { $exists: true } }),
      [declaredIndexOf({ name: 'p', key: { email: 1 }, partialFilterExpression: { deletedAt: { $exists: true } } })],
    ],
  ];
  it.each(served)('served: %s', (_name, q, indexes) => {
    expect(isServed(q, indexes)).toBe(true);
  });

  const notServed: [string, ReturnType<typeof query>, DeclaredIndex[]][] = [
    ['no index at all', query({ email: 'a@b' }), []],
    ['_id range is not _id equality', query({ _id: { $gte: 'a' } }), []],
    ['equality field missing from the prefix', query({ userId: 'u', revokedAt: null }), [index({ userId: 1 })]],
    ['equality field after another key', query({ a: 1, b: 1 }), [index({ a: 1, x: 1, b: 1 })]],
    ['index on a field the filter does not bound', query({ a: 1 }), [index({ b: 1, a: 1 })]],
    ['range not on the first key', query({ at: { $lt: 1 } }), [index({ kind: 1, at: 1 })]],
    ['a scanning regex bounds nothing', query({ name: /abc/i }), [index({ name: 1 })]],
    ['a negation bounds nothing', query({ failedAt: { $exists: false } }), [index({ failedAt: 1 })]],
    ['$exists: true bounds nothing', query({ a: { $exists: true } }), [index({ a: 1 })]],
    ['empty filter without sort', query({}), [index({ a: 1 })]],
    ['sort field not in the index', query({ a: 1 }, { s: 1 }), [index({ a: 1 })]],
    ['sort tie-break missing from the index', query({ a: 1 }, { s: -1, _id: 1 }), [index({ a: 1, s: 1 })]],
    ['sort directions mixed against the index', query({ a: 1 }, { s: 1, t: 1 }), [index({ a: 1, s: 1, t: -1 })]],
    ['range before the sort field', query({ a: 1, r: { $gt: 1 } }, { s: 1 }), [index({ a: 1, r: 1, s: 1 })]],
    ['sort fields out of order', query({}, { s: 1, t: 1 }), [index({ t: 1, s: 1 })]],
    ['one $or branch unserved', query({ $or: [{ a: 1 }, { b: 1 }] }), [index({ a: 1 })]],
    ['an $or branch of scanning regexes', query({ role: 'x', $or: [{ name: /a/i }, { email: /a/i }] }), [index({ name: 1 })]],
    [
      'a partial index by a query outside its filter',
      query({ email: 'a' }),
      [declaredIndexOf({ name: 'p', key: { email: 1 }, partialFilterExpression: { deletedAt: { $exists: true } } })],
    ],
  ];
  it.each(notServed)('not served: %s', (_name, q, indexes) => {
    expect(isServed(q, indexes)).toBe(false);
  });
});

describe('queriesOfCommand: the queries a database command runs', () => {
  it.each([
    [
      'find',
      { find: 'users', filter: { email: 'x' }, sort: { createdAt: -1 } },
      [['users', [{ email: 'eq' }], [['createdAt', -1]]]],
    ],
    ['find', { find: 'specialties' }, [['specialties', [{}], []]]],
    [
      'find',
      {
        find: 'audit_log',
        filter: {},
        sort: new Map([
          ['at', -1],
          ['_id', 1],
        ]),
      },
      [
        [
          'audit_log',
          [{}],
          [
            ['at', -1],
            ['_id', 1],
          ],
        ],
      ],
    ],
    ['count', { count: 'users', query: { role: 'doctor' } }, [['users', [{ role: 'eq' }], []]]],
    [
      'distinct',
      { distinct: 'time_claims', key: 'holdId', query: { createdAt: { $gte: 1 } } },
      [['time_claims', [{ createdAt: 'range' }], []]],
    ],
    [
      'aggregate',
      {
        aggregate: 'doctors',
        pipeline: [{ $match: { a: 1 } }, { $match: { b: { $gt: 1 } } }, { $sort: { c: 1 } }, { $group: {} }],
      },
      [['doctors', [{ a: 'eq', b: 'range' }], [['c', 1]]]],
    ],
    [
      'aggregate',
      { aggregate: 'users', pipeline: [{ $match: {} }, { $group: { _id: 1, n: { $sum: 1 } } }] },
      [['users', [{}], []]],
    ],
    [
      'update',
      {
        update: 'families',
        updates: [
          { q: { _id: 'f' }, u: {} },
          { q: { userId: 'u' }, u: {} },
        ],
      },
      [
        ['families', [{ _id: 'eq' }], []],
        ['families', [{ userId: 'eq' }], []],
      ],
    ],
    ['delete', { delete: 'outbox', deletes: [{ q: { _id: { $in: ['a'] } }, limit: 0 }] }, [['outbox', [{ _id: 'in' }], []]]],
    [
      'findAndModify',
      { findAndModify: 'time_claims', query: { _id: 'c', holdId: 'h' }, remove: true },
      [['time_claims', [{ _id: 'eq', holdId: 'eq' }], []]],
    ],
  ])('%s', (name, command, expected) => {
    const shapes = queriesOfCommand(name, command);
    expect(shapes.map((s) => [s.collection, s.branches, s.sort])).toEqual(expected);
    expect(shapes.every((s) => s.command === name)).toBe(true);
  });

  it.each(['insert', 'getMore', 'killCursors', 'hello', 'ping', 'endSessions', 'createIndexes', 'listIndexes'])(
    '%s runs no query',
    (name) => {
      expect(queriesOfCommand(name, { [name]: 'users', documents: [{ a: 1 }] })).toEqual([]);
    },
  );
});

describe('unservedQueries', () => {
  const shape = (collection: string, filter: Record<string, unknown>, sort: Record<string, 1 | -1> = {}): QueryShape => ({
    collection,
    command: 'find',
    ...query(filter, sort),
  });
  const indexes: Record<string, DeclaredIndex[]> = { users: [index({ email: 1 })] };

  it('lists each unserved shape once, described, and lets an allowed whole read through', () => {
    const queries = [
      shape('users', { email: 'a' }),
      shape('users', { role: 'x' }, { createdAt: -1 }),
      shape('users', { role: 'y' }, { createdAt: -1 }),
      shape('specialties', {}),
      shape('specialties', {}, { name: 1 }),
      shape('availability', {}),
    ];
    expect(unservedQueries(queries, (c) => indexes[c] ?? [], { specialties: 'a few dozen rows' })).toEqual([
      'availability find {}',
      'specialties find {} sort {name: 1}',
      'users find {role: eq} sort {createdAt: -1}',
    ]);
  });
});
