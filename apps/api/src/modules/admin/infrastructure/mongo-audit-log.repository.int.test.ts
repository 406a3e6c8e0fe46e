import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { useScratchDb } from '../../../test-support/scratch-db.ts';
import { makeSequencedLog } from '../../../platform/mongo/sequenced-log.ts';
import type { AuditEntry } from '../domain/audit-entry.ts';
import { auditListKey, makeMongoAuditLogRepository } from './mongo-audit-log.repository.ts';

/**
 * The audit log on the real FerretDB: pages newest first per filter with exact
 * totals, from lists read by `_id`; a redelivered entry is listed once, even
 * when the attempt before it stopped half-way through placing it.
 */

const scratch = useScratchDb();

let clock = Date.UTC(2026, 0, 1);
const entry = (action: AuditEntry['action'], targetId: string, over: Partial<AuditEntry> = {}): AuditEntry => ({
  id: randomUUID(),
  actorId: 'admin-1',
  action,
  targetId,
  at: new Date((clock += 1000)),
  ...over,
});
const ids = (page: { items: AuditEntry[] }) => page.items.map((e) => e.id);
const all = { skip: 0, limit: 100 };

describe('audit log lists', () => {
  it('pages newest first, per action, per target and per both, with totals', async () => {
    const audit = makeMongoAuditLogRepository(scratch.db);
    const written = [
      entry('kyc.approve', 'doc-1'),
      entry('user.block', 'doc-1', { reason: 'Fake credentials', ip: '10.0.0.1' }),
      entry('user.block', 'pat-1', { reason: 'Abuse' }),
      entry('user.unblock', 'doc-1'),
      entry('kyc.approve', 'doc-2'),
    ];
    for (const e of written) expect(await audit.append(e)).toBe('ok');
    const newestFirst = [...written].reverse();

    expect(await audit.list(all)).toEqual({ items: newestFirst, total: 5 });
    const onDoc1 = await audit.list({ ...all, targetId: 'doc-1' });
    expect(ids(onDoc1)).toEqual(newestFirst.filter((e) => e.targetId === 'doc-1').map((e) => e.id));
    expect(onDoc1.total).toBe(3);
    expect(ids(await audit.list({ ...all, action: 'user.block' }))).toEqual([written[2]!.id, written[1]!.id]);
    expect(ids(await audit.list({ ...all, action: 'user.block', targetId: 'doc-1' }))).toEqual([written[1]!.id]);
    expect(await audit.list({ skip: 1, limit: 2 })).toEqual({ items: [written[3], written[2]], total: 5 });
    expect(await audit.list({ skip: 4, limit: 2 })).toEqual({ items: [written[0]], total: 5 });
    expect(await audit.list({ skip: 5, limit: 2 })).toEqual({ items: [], total: 5 });
    expect(await audit.list({ ...all, action: 'no.such' })).toEqual({ items: [], total: 0 });
    // An empty filter is no filter, as before.
    expect((await audit.list({ ...all, action: '', targetId: '' })).total).toBe(5);
    // Another process reads the same.
    expect(await makeMongoAuditLogRepository(scratch.db).list({ ...all, targetId: 'doc-1' })).toEqual(onDoc1);
  });

  it('keeps filters that look alike apart', () => {
    expect(auditListKey({ targetId: 'x|action:kyc.approve' })).not.toBe(auditListKey({ targetId: 'x', action: 'kyc.approve' }));
    expect(auditListKey({})).toBe('all');
  });

  it('lists a redelivered entry once', async () => {
    const audit = makeMongoAuditLogRepository(scratch.db);
    const e = entry('user.block', 'pat-redelivered', { reason: 'Spam' });
    expect(await audit.append(e)).toBe('ok');
    expect(await audit.append(e)).toBe('duplicate');
    expect(await makeMongoAuditLogRepository(scratch.db).append(e)).toBe('duplicate');
    expect(await audit.list({ ...all, targetId: 'pat-redelivered' })).toEqual({ items: [e], total: 1 });
    expect(await audit.list({ ...all, action: 'user.block', targetId: 'pat-redelivered' })).toEqual({ items: [e], total: 1 });
  });

  it('a redelivery places an entry where an interrupted attempt did not, and nowhere twice', async () => {
    const e = entry('kyc.reject', 'doc-interrupted', { reason: 'Unreadable' });
    // The first attempt wrote the entry, placed it in the full list, then stopped (a crash, a lost connection).
    const { id, ...rest } = e;
    await scratch.db.collection('audit_log').insertOne({ _id: id as never, ...rest, recordedAt: new Date() });
    await makeSequencedLog(scratch.db, 'audit_log_lists').append(auditListKey({}), { ...e, placedAt: new Date() });
    const totalBefore = (await makeMongoAuditLogRepository(scratch.db).list(all)).total;

    const audit = makeMongoAuditLogRepository(scratch.db);
    expect(await audit.append(e)).toBe('duplicate');
    expect((await audit.list(all)).total).toBe(totalBefore);
    expect(ids(await audit.list(all)).filter((x) => x === e.id)).toHaveLength(1);
    for (const filter of [
      { action: 'kyc.reject' },
      { targetId: 'doc-interrupted' },
      { action: 'kyc.reject', targetId: 'doc-interrupted' },
    ]) {
      expect(await audit.list({ ...all, ...filter }), JSON.stringify(filter)).toEqual({ items: [e], total: 1 });
    }
  });

  it('entries delivered at once by several processes are each listed once', async () => {
    const processes = Array.from({ length: 3 }, () => makeMongoAuditLogRepository(scratch.db));
    const before = (await processes[0]!.list(all)).total;
    const burst = Array.from({ length: 30 }, (_, i) => entry(i % 2 ? 'user.block' : 'user.unblock', `burst-${i % 3}`));
    await Promise.all(burst.map((e, i) => processes[i % 3]!.append(e)));
    const listed = await processes[1]!.list({ skip: 0, limit: 100 });
    expect(listed.total).toBe(before + 30);
    expect(new Set(ids(listed).slice(0, 30))).toEqual(new Set(burst.map((e) => e.id)));
    const perTarget = await Promise.all([0, 1, 2].map((t) => processes[2]!.list({ ...all, targetId: `burst-${t}` })));
    expect(perTarget.map((p) => p.total)).toEqual([10, 10, 10]);
  });
});

describe('a database written before the lists', () => {
  it('lists its entries once, oldest first, after the one-time backfill', async () => {
    const legacyDb = scratch.client.db(`it_${randomUUID().slice(0, 8)}`);
    try {
      const old = [entry('user.block', 'u-1'), entry('kyc.approve', 'd-1'), entry('user.unblock', 'u-1')];
      await legacyDb.collection('audit_log').insertMany(old.map(({ id, ...rest }) => ({ _id: id as never, ...rest })));
      const audit = makeMongoAuditLogRepository(legacyDb);
      expect((await audit.list(all)).total).toBe(0);
      await audit.backfillLists();
      await audit.backfillLists(); // a second start changes nothing
      expect(ids(await audit.list(all))).toEqual(old.map((e) => e.id).reverse());
      expect(ids(await audit.list({ ...all, targetId: 'u-1' }))).toEqual([old[2]!.id, old[0]!.id]);
    } finally {
      await legacyDb.dropDatabase();
    }
  });
});
