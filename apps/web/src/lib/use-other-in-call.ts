import { callEvents, type CallPeerEvent, type CallPeerLeftEvent } from '@doctime/contracts';
import { useState } from 'react';
import { peerAfter, type PeerState } from './call-peer';
import { useRealtimeEvent } from './realtime';

/** Whether the other side is in the appointment's call: `initially` (the appointment's record), then live as they come and go. */
export function useOtherInCall(appointmentId: string, initially: boolean) {
  const [peer, setPeer] = useState<PeerState>({});
  useRealtimeEvent<CallPeerEvent>(callEvents.peerJoined, ({ appointmentId: of, ...joined }) => {
    if (of === appointmentId) setPeer((known) => peerAfter(known, { joined }));
  });
  useRealtimeEvent<CallPeerLeftEvent>(callEvents.peerLeft, (left) => {
    if (left.appointmentId === appointmentId) setPeer((known) => peerAfter(known, { left }));
  });
  return peer.present ?? initially;
}
