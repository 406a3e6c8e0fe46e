import type { CallPeer } from '@doctime/contracts';
import { describe, expect, it } from 'vitest';
import { peerAfter, type PeerEvent, type PeerState } from './call-peer';

const peer = (connection: string, joinedAt: number): CallPeer => ({ userId: 'd1', role: 'doctor', connection, joinedAt });
const a = peer('a', 100);
const b = peer('b', 200);
const after = (events: PeerEvent[], from: PeerState = {}) => events.reduce(peerAfter, from);

describe('peerAfter', () => {
  it('follows joins and leaves in order', () => {
    expect(after([])).toEqual({});
    expect(after([{ joined: a }])).toEqual({ latest: a, present: true });
    expect(after([{ joined: a }, { joined: b }])).toEqual({ latest: b, present: true });
    expect(after([{ joined: b }, { left: b }])).toEqual({ latest: b, present: false });
    expect(after([{ left: a }])).toEqual({ present: false });
  });

  it('keeps the later connection when a replaced tab is heard of late', () => {
    // b replaced a: the server's "a left", and even "a joined", may arrive after "b joined" and after b left.
    expect(after([{ joined: b }, { left: a }])).toEqual({ latest: b, present: true });
    expect(after([{ joined: b }, { joined: a }])).toEqual({ latest: b, present: true });
    expect(after([{ joined: b }, { left: b }, { joined: a }])).toEqual({ latest: b, present: false });
  });

  it('breaks a tie in time by the connection id, as the server does', () => {
    const c = peer('c', 200);
    expect(after([{ joined: b }, { joined: c }]).latest).toEqual(c);
    expect(after([{ joined: c }, { joined: b }]).latest).toEqual(c);
  });
});
