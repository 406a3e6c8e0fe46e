import type { CallSignalData, IceServer } from '@doctime/contracts';

/**
 * One side of a 1:1 call over WebRTC, with the "perfect negotiation" pattern
 * (https://w3c.github.io/webrtc-pc/#perfect-negotiation-example): both sides
 * offer whenever they need to; when two offers cross (glare) the polite side
 * rolls its own back and answers, the impolite side ignores the other's. So
 * either side may add, replace or remove tracks at any time (camera off,
 * screen share), and an ICE restart when the network changes is one more
 * renegotiation. Signals travel through `send` (the API relays them to the
 * other participant only). One side offers first: the one that joins when
 * the other is already there; the other answers with its media, so a normal
 * start has no glare at all.
 */
export class CallConnection {
  readonly pc: RTCPeerConnection;
  private makingOffer = false;
  private ignoreOffer = false;
  private settingRemoteAnswerPending = false;
  private restartTimer: number | undefined;
  private readonly polite: boolean;
  private readonly send: (data: CallSignalData) => void;
  /** Media to send once the other side's first offer is in (so they ride on its transceivers: no second negotiation). */
  private pending: MediaStream | null = null;

  constructor(
    iceServers: IceServer[],
    polite: boolean,
    send: (data: CallSignalData) => void,
    onTrack: (stream: MediaStream) => void,
  ) {
    this.polite = polite;
    this.send = send;
    this.pc = new RTCPeerConnection({ iceServers });
    this.pc.ontrack = ({ track, streams }) => {
      const stream = streams[0] ?? new MediaStream([track]);
      onTrack(stream);
    };
    this.pc.onicecandidate = ({ candidate }) => this.send({ candidate: candidate ? (candidate.toJSON() as never) : null });
    this.pc.onnegotiationneeded = async () => {
      try {
        this.makingOffer = true;
        await this.pc.setLocalDescription();
        const description = this.pc.localDescription;
        if (description) this.send({ description: { type: description.type, sdp: description.sdp } });
      } catch {
        // A newer negotiation takes over.
      } finally {
        this.makingOffer = false;
      }
    };
    // A dropped network path: try a restart if it does not come back by itself within a few seconds.
    this.pc.oniceconnectionstatechange = () => {
      const state = this.pc.iceConnectionState;
      window.clearTimeout(this.restartTimer);
      if (state === 'failed') this.pc.restartIce();
      else if (state === 'disconnected') this.restartTimer = window.setTimeout(() => this.pc.restartIce(), 3_000);
    };
  }

  /** Sends these tracks (the local camera and microphone): as the side that offers, at once. */
  addStream(stream: MediaStream) {
    for (const track of stream.getTracks()) this.pc.addTrack(track, stream);
  }

  /** As the side that answers: sends these tracks with the answer to the first offer. */
  answerWith(stream: MediaStream | null) {
    this.pending = stream;
  }

  /** Whether this side sends (or will send with its answer) any media yet. */
  get sending(): boolean {
    return this.pending !== null || this.pc.getSenders().length > 0;
  }

  /** Swaps the sent track of a kind (another camera, a screen share) without renegotiating. */
  async replaceTrack(kind: 'audio' | 'video', track: MediaStreamTrack | null) {
    const sender = this.pc.getSenders().find((s) => s.track?.kind === kind || (!s.track && kind === 'video'));
    await sender?.replaceTrack(track);
  }

  /** A signal from the other side. */
  async receive(data: CallSignalData) {
    if ('description' in data) {
      const description = data.description;
      const readyForOffer = !this.makingOffer && (this.pc.signalingState === 'stable' || this.settingRemoteAnswerPending);
      const offerCollision = description.type === 'offer' && !readyForOffer;
      this.ignoreOffer = !this.polite && offerCollision;
      if (this.ignoreOffer) return;
      this.settingRemoteAnswerPending = description.type === 'answer';
      await this.pc.setRemoteDescription(description as RTCSessionDescriptionInit);
      this.settingRemoteAnswerPending = false;
      if (description.type === 'offer') {
        if (this.pending) {
          this.addStream(this.pending);
          this.pending = null;
        }
        await this.pc.setLocalDescription();
        const answer = this.pc.localDescription;
        if (answer) this.send({ description: { type: answer.type, sdp: answer.sdp } });
      }
    } else {
      try {
        await this.pc.addIceCandidate(data.candidate ?? undefined);
      } catch (error) {
        if (!this.ignoreOffer) throw error;
      }
    }
  }

  close() {
    window.clearTimeout(this.restartTimer);
    this.pc.ontrack = null;
    this.pc.onicecandidate = null;
    this.pc.onnegotiationneeded = null;
    this.pc.oniceconnectionstatechange = null;
    this.pc.close();
  }
}
