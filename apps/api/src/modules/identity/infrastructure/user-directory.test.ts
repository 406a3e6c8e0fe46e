import { describe, expect, it } from 'vitest';
import type { User } from '../domain/user.ts';
import { makeUserDirectory } from './user-directory.ts';

const user = (id: string, day: number, over: Partial<User> = {}): User => ({
  id,
  version: 1,
  role: 'patient',
  name: `Name ${id}`,
  email: `${id}@example.test`,
  passwordHash: 'hash',
  emailVerified: true,
  blocked: null,
  blockHistory: [],
  createdAt: new Date(Date.UTC(2026, 0, day)),
  updatedAt: new Date(Date.UTC(2026, 0, day)),
  ...over,
});
const idsOf = (r: { items: User[] }) => r.items.map((u) => u.id);

describe('user directory', () => {
  const directory = makeUserDirectory();
  directory.reset([
    user('p1', 1),
    user('d1', 3, { role: 'doctor', name: 'Dr Priya Rao' }),
    user('p2', 3),
    user('a1', 2, { role: 'admin', email: 'root@clinic.test' }),
  ]);

  it('lists newest accounts first (ties by id), per role or all, with totals and pages', () => {
    expect(directory.search({ skip: 0, limit: 10 })).toMatchObject({ total: 4 });
    expect(idsOf(directory.search({ skip: 0, limit: 10 }))).toEqual(['d1', 'p2', 'a1', 'p1']);
    expect(idsOf(directory.search({ role: 'patient', skip: 0, limit: 10 }))).toEqual(['p2', 'p1']);
    expect(directory.search({ role: 'patient', skip: 1, limit: 1 })).toMatchObject({ total: 2, items: [{ id: 'p1' }] });
    expect(directory.search({ role: 'admin', skip: 5, limit: 10 })).toEqual({ items: [], total: 1 });
  });

  it('matches text literally and in any case, in the name or the e-mail', () => {
    expect(idsOf(directory.search({ text: 'PRIYA', skip: 0, limit: 10 }))).toEqual(['d1']);
    expect(idsOf(directory.search({ text: '@CLINIC.', skip: 0, limit: 10 }))).toEqual(['a1']);
    expect(idsOf(directory.search({ text: 'example', role: 'patient', skip: 0, limit: 1 }))).toEqual(['p2']);
    expect(directory.search({ text: 'example', role: 'patient', skip: 0, limit: 1 }).total).toBe(2);
    expect(directory.search({ text: '.*', skip: 0, limit: 10 }).total).toBe(0);
  });

  it('follows newer versions, including a change of role and new accounts', () => {
    const d = makeUserDirectory();
    d.reset([user('p1', 1), user('p2', 2)]);
    d.put(user('p1', 1, { version: 2, role: 'admin', name: 'Promoted' }));
    d.put(user('p3', 5));
    expect(idsOf(d.search({ skip: 0, limit: 10 }))).toEqual(['p3', 'p2', 'p1']);
    expect(idsOf(d.search({ role: 'patient', skip: 0, limit: 10 }))).toEqual(['p3', 'p2']);
    expect(d.search({ role: 'admin', skip: 0, limit: 10 }).items[0]?.name).toBe('Promoted');
  });
});
