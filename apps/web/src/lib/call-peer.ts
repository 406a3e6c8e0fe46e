import { joinedAfter, type CallPeer, type CallPeerLeftEvent } from '@doctime/contracts';

/**
 * What this tab knows of the other side in the call: the latest connection it heard join and
 * whether that one is still in (`present` is undefined until it hears anything).
 */
export interface PeerState {
  latest?: CallPeer;
  present?: boolean;
}

export type PeerEvent = { joined: CallPeer } | { left: Pick<CallPeerLeftEvent, 'connection'> };

/**
 * The other side after one of the server's call events. Events from different API processes
 * can arrive out of order, so a join of a connection that joined before the latest known one,
 * and a leave of a connection that is not it (a replaced tab), change nothing.
 */
export function peerAfter(known: PeerState, event: PeerEvent): PeerState {
  if ('joined' in event) {
    return known.latest && !joinedAfter(event.joined, known.latest) ? known : { latest: event.joined, present: true };
  }
  if (known.latest && known.latest.connection !== event.left.connection) return known;
  return { ...known, present: false };
}
