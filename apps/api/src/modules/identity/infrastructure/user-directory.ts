import { escapeRegExp } from '../../../platform/mongo/escape-regexp.ts';
import { compareText, pageOf, SortedList } from '../../../platform/sorted-list.ts';
import type { UserSearch } from '../application/ports.ts';
import type { User } from '../domain/user.ts';

/** The admin list's order, `{ createdAt: -1, _id: 1 }`: newest accounts first. */
const newestFirst = (a: User, b: User) => b.createdAt.getTime() - a.createdAt.getTime() || compareText(a.id, b.id);

/**
 * Every account of this process's mirror, kept in the admin list's order,
 * all together and per role: a page without text is a slice, one with text a
 * single pass. Semantics of the Mongo query it replaced: `role` equality, the
 * text matched literally and case-insensitively in the name or the e-mail.
 */
export function makeUserDirectory() {
  const users = new Map<string, User>();
  const all = new SortedList(newestFirst);
  const byRole = new Map<string, SortedList<User>>();
  const roleList = (role: string) => byRole.get(role) ?? byRole.set(role, new SortedList(newestFirst)).get(role)!;

  return {
    reset(records: User[]) {
      users.clear();
      byRole.clear();
      for (const u of records) users.set(u.id, u);
      all.reset(users.values());
      for (const [role, members] of Map.groupBy(users.values(), (u) => u.role)) roleList(role).reset(members);
    },
    get: (id: string) => users.get(id),
    /** A newer version of one account. */
    put(user: User) {
      const old = users.get(user.id);
      if (old) for (const list of [all, roleList(old.role)]) list.remove(old);
      users.set(user.id, user);
      for (const list of [all, roleList(user.role)]) list.insert(user);
    },
    search({ role, text, skip, limit }: UserSearch): { items: User[]; total: number } {
      const list = role ? roleList(role) : all;
      if (!text) return { items: list.values().slice(skip, skip + limit), total: list.size };
      const pattern = new RegExp(escapeRegExp(text), 'i');
      return pageOf(list.values(), (u) => pattern.test(u.name) || pattern.test(u.email), skip, limit);
    },
  };
}
