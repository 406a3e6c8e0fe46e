import { describe, expect, it } from 'vitest';
import {
  decideRefresh,
  decideRepeatedRotation,
  formatRefreshToken,
  REFRESH_REUSE_WINDOW_MS,
  parseRefreshToken,
  type RefreshToken,
  type SessionFamily,
} from './refresh-session.ts';

const now = new Date('2026-03-01T10:00:00Z');
const later = new Date('2026-03-31T10:00:00Z');
const token: RefreshToken = { id: 't1', familyId: 'f1', userId: 'u1', secretHash: 'h', expiresAt: later, issuedAt: now };
const family: SessionFamily = { id: 'f1', userId: 'u1', createdAt: now, expiresAt: later, revokedAt: null };
const base = { token, secretMatches: true, family, userBlocked: false, now };

describe('decideRefresh', () => {
  it('rotates a valid token of an open family', () => {
    expect(decideRefresh(base)).toBe('rotate');
  });
  it('treats missing tokens, wrong secrets and vanished users as unknown', () => {
    expect(decideRefresh({ ...base, token: null })).toBe('unknown');
    expect(decideRefresh({ ...base, secretMatches: false })).toBe('unknown');
    expect(decideRefresh({ ...base, family: null })).toBe('unknown');
    expect(decideRefresh({ ...base, userBlocked: null })).toBe('unknown');
  });
  it('refuses revoked families, naming a block first', () => {
    expect(decideRefresh({ ...base, family: { ...family, revokedAt: now } })).toBe('revoked');
    expect(decideRefresh({ ...base, family: { ...family, revokedAt: now }, userBlocked: true })).toBe('blocked');
  });
  it('refuses blocked users', () => {
    expect(decideRefresh({ ...base, userBlocked: true })).toBe('blocked');
  });
  it('refuses expired tokens and families', () => {
    expect(decideRefresh({ ...base, now: later })).toBe('expired');
    expect(decideRefresh({ ...base, family: { ...family, expiresAt: now } })).toBe('expired');
  });
});

describe('decideRepeatedRotation', () => {
  const successor: RefreshToken = { ...token, id: 't2', issuedAt: now };
  const at = (ms: number) => new Date(now.getTime() + ms);

  it('hands out the same successor again within the reuse window', () => {
    expect(decideRepeatedRotation({ successor, successorMatches: true, now })).toBe('reissue');
    expect(decideRepeatedRotation({ successor, successorMatches: true, now: at(REFRESH_REUSE_WINDOW_MS) })).toBe('reissue');
  });
  it('treats a repeat after the window as a replay', () => {
    expect(decideRepeatedRotation({ successor, successorMatches: true, now: at(REFRESH_REUSE_WINDOW_MS + 1) })).toBe('replay');
  });
  it('treats a successor it did not derive, or a vanished one, as a replay even within the window', () => {
    expect(decideRepeatedRotation({ successor, successorMatches: false, now })).toBe('replay');
    expect(decideRepeatedRotation({ successor: null, successorMatches: false, now })).toBe('replay');
  });
});

describe('refresh token wire form', () => {
  it('round-trips id and secret', () => {
    const id = 'a'.repeat(22);
    const secret = 'B_-'.repeat(15);
    expect(parseRefreshToken(formatRefreshToken(id, secret))).toEqual({ id, secret });
  });
  it('rejects anything else', () => {
    for (const raw of [
      undefined,
      '',
      'abc',
      'a.b',
      `${'a'.repeat(22)}.short`,
      `${'a'.repeat(22)}.${'b'.repeat(40)}.x`,
      `$where.${'b'.repeat(40)}`,
    ]) {
      expect(parseRefreshToken(raw)).toBeNull();
    }
  });
});
