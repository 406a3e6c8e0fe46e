import {
  callEvents,
  type CallJoinAck,
  type CallPeerEvent,
  type CallPeerLeftEvent,
  type CallSignalData,
  type VideoJoinResponse,
} from '@doctime/contracts';
import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from '../../../lib/api-client';
import { APPOINTMENTS_API } from '../../../lib/appointments';
import { peerAfter, type PeerEvent, type PeerState } from '../../../lib/call-peer';
import { emitRealtime, emitWithAck, useRealtimeEvent } from '../../../lib/realtime';
import { CallConnection } from './call-connection';
import { callQuality, type CallQuality } from './call-quality';

export type CallPhase =
  | 'joining'
  /** In the room, the other side not (yet, or no longer). */
  | 'waiting'
  | 'connecting'
  | 'connected'
  /** The network path dropped; ICE is restarting. */
  | 'reconnecting'
  /** Another tab of the same user took this one's place. */
  | 'replaced'
  | 'left';

interface CallState {
  phase: CallPhase;
  remoteStream: MediaStream | null;
  quality: CallQuality;
  /** When both sides were first connected in this tab (the call timer). */
  connectedAt: Date | null;
  error: string | null;
  /** The Zego answer, when calls run on Zego Cloud (its UIKit then runs the media). */
  zego: Extract<VideoJoinResponse, { provider: 'zego' }> | null;
}

const STATS_EVERY_MS = 2_000;

/**
 * A consultation call from this tab: asks the API for the call's credentials, joins the
 * call's room on the live connection (again after every reconnect), and runs the WebRTC
 * connection with whoever else is there (the patient is the polite side). The media are
 * the caller's stream; `leave` ends it for this side.
 */
export function useCall(appointmentId: string, role: 'patient' | 'doctor', local: MediaStream | null, active: boolean) {
  const [state, setState] = useState<CallState>({
    phase: 'joining',
    remoteStream: null,
    quality: 'unknown',
    connectedAt: null,
    error: null,
    zego: null,
  });
  const connection = useRef<CallConnection | null>(null);
  /** What the API answered the join with (the provider and its credentials). */
  const credentials = useRef<VideoJoinResponse | null>(null);
  const localRef = useRef(local);
  const joined = useRef(false);
  const peer = useRef<PeerState>({});
  /** Another tab took this one's place (for good: "use this tab instead" reloads the page). */
  const replaced = useRef(false);
  const patch = useCallback((next: Partial<CallState>) => setState((s) => ({ ...s, ...next })), []);

  const hangUp = useCallback(() => {
    connection.current?.close();
    connection.current = null;
  }, []);

  /** A new connection: the side that joined last offers with its media; the other answers the offer with its own. */
  const connect = useCallback(
    (offer: boolean) => {
      const answer = credentials.current;
      if (connection.current || !answer || answer.provider !== 'webrtc') return connection.current;
      const created = new CallConnection(
        answer.iceServers,
        role === 'patient',
        (data: CallSignalData) => emitRealtime(callEvents.signal, { appointmentId, data }),
        (stream) => patch({ remoteStream: stream }),
      );
      created.pc.onconnectionstatechange = () => {
        const s = created.pc.connectionState;
        if (s === 'connected') setState((prev) => ({ ...prev, phase: 'connected', connectedAt: prev.connectedAt ?? new Date() }));
        else if (s === 'disconnected' || s === 'failed') patch({ phase: 'reconnecting' });
      };
      if (offer && localRef.current) created.addStream(localRef.current);
      else created.answerWith(localRef.current);
      connection.current = created;
      patch({ phase: 'connecting' });
      return created;
    },
    [appointmentId, role, patch],
  );

  // Media that arrive after the connection (the camera was still starting) are sent from then on.
  useEffect(() => {
    localRef.current = local;
    const current = connection.current;
    if (current && local && !current.sending) current.addStream(local);
  }, [local]);

  /** Hears of the other side's connection; answers whether it is a new one, or whether it left. */
  const heard = useCallback((event: PeerEvent) => {
    const before = peer.current;
    peer.current = peerAfter(before, event);
    return { arrived: peer.current.latest !== before.latest, gone: before.present !== false && peer.current.present === false };
  }, []);

  const joinRoom = useCallback(async () => {
    const ack = await emitWithAck<CallJoinAck & { error?: { message: string } }>(callEvents.join, { appointmentId });
    if (ack.error) throw new Error(ack.error.message);
    // The takeover's event can come before this answer.
    if (ack.replaced || replaced.current) {
      patch({ phase: 'replaced', remoteStream: null });
      return;
    }
    joined.current = true;
    const [other] = ack.peers;
    if (other) heard({ joined: other });
    if (other && credentials.current?.provider === 'webrtc') connect(true);
    else if (!connection.current) patch({ phase: credentials.current?.provider === 'zego' ? 'connected' : 'waiting' });
  }, [appointmentId, connect, heard, patch]);

  // Join once the camera is ready (or refused: the call works without sending media).
  useEffect(() => {
    if (!active) return;
    let cancelled = false;
    (async () => {
      try {
        const answer = await api.post<VideoJoinResponse>(APPOINTMENTS_API.videoJoin(appointmentId));
        if (cancelled) return;
        credentials.current = answer;
        if (answer.provider === 'zego') patch({ zego: answer });
        await joinRoom();
      } catch (error) {
        if (!cancelled) patch({ error: error instanceof Error ? error.message : String(error), phase: 'left' });
      }
    })();
    return () => {
      cancelled = true;
      if (joined.current) emitRealtime(callEvents.leave, { appointmentId });
      joined.current = false;
      hangUp();
    };
  }, [active, appointmentId, joinRoom, hangUp, patch]);

  // A new live connection is a new socket: the other side heard this one leave, so both start afresh.
  useRealtimeEvent('connect', () => {
    if (!joined.current) return;
    hangUp();
    void joinRoom().catch(() => undefined);
  });
  // The other side (re)joined: it offers a fresh connection (its first signal comes after this event), which this side answers.
  useRealtimeEvent<CallPeerEvent>(callEvents.peerJoined, ({ appointmentId: of, ...joinedPeer }) => {
    if (of !== appointmentId || !joined.current || !heard({ joined: joinedPeer }).arrived) return;
    hangUp();
    patch({ phase: 'connecting', remoteStream: null });
  });
  useRealtimeEvent<CallPeerLeftEvent>(callEvents.peerLeft, (event) => {
    if (event.appointmentId !== appointmentId || !joined.current || !heard({ left: event }).gone) return;
    hangUp();
    patch({ phase: 'waiting', remoteStream: null, quality: 'unknown' });
  });
  useRealtimeEvent<{ appointmentId: string; data: CallSignalData }>(callEvents.signal, (event) => {
    if (event.appointmentId !== appointmentId || !joined.current) return;
    const target = connection.current ?? connect(false);
    target?.receive(event.data).catch(() => undefined);
  });
  useRealtimeEvent<{ appointmentId: string }>(callEvents.replaced, (event) => {
    if (event.appointmentId !== appointmentId) return;
    replaced.current = true;
    joined.current = false;
    hangUp();
    patch({ phase: 'replaced', remoteStream: null });
  });

  // The quality indicator: round trip and video loss every two seconds.
  useEffect(() => {
    let previous = { lost: 0, received: 0 };
    const timer = window.setInterval(async () => {
      const pc = connection.current?.pc;
      if (!pc || pc.connectionState !== 'connected') return;
      let roundTripTime: number | undefined;
      let lost = 0;
      let received = 0;
      (await pc.getStats()).forEach((report: Record<string, unknown>) => {
        if (report['type'] === 'candidate-pair' && report['nominated'] && typeof report['currentRoundTripTime'] === 'number') {
          roundTripTime = report['currentRoundTripTime'];
        }
        if (report['type'] === 'inbound-rtp' && report['kind'] === 'video') {
          lost += Number(report['packetsLost'] ?? 0);
          received += Number(report['packetsReceived'] ?? 0);
        }
      });
      const quality = callQuality({
        ...(roundTripTime === undefined ? {} : { roundTripTime }),
        packetsLost: Math.max(0, lost - previous.lost),
        packetsReceived: Math.max(0, received - previous.received),
      });
      previous = { lost, received };
      patch({ quality });
    }, STATS_EVERY_MS);
    return () => window.clearInterval(timer);
  }, [patch]);

  const leave = useCallback(() => {
    if (joined.current) emitRealtime(callEvents.leave, { appointmentId });
    joined.current = false;
    hangUp();
    patch({ phase: 'left', remoteStream: null });
  }, [appointmentId, hangUp, patch]);

  const replaceTrack = useCallback(async (kind: 'audio' | 'video', track: MediaStreamTrack | null) => {
    await connection.current?.replaceTrack(kind, track);
  }, []);

  return { ...state, leave, replaceTrack };
}
