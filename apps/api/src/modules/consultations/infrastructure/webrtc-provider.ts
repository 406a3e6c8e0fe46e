import { createHmac } from 'node:crypto';
import type { VideoProvider } from '../application/ports.ts';

export interface WebRtcOptions {
  /** STUN (and TURN without credentials) servers from `ICE_SERVERS`. */
  iceServers: { urls: string | string[] }[];
  /** coturn with `use-auth-secret`: its URLs and shared secret (`TURN_URLS`, `TURN_SECRET`). */
  turn?: { urls: string[]; secret: string };
}

/**
 * Built-in WebRTC (the default): the browsers connect peer to peer, signalling over the
 * API's socket. TURN credentials are coturn's time-limited ones ("TURN REST API"): the user
 * name is `<expiry in unix seconds>:<user id>` and the password the base64 HMAC-SHA1 of it
 * under the shared secret, so the browser never sees a static password and a leaked one
 * stops working when the call window closes.
 */
export function makeWebRtcProvider(options: WebRtcOptions): VideoProvider {
  return {
    credentials({ roomId, userId, expiresAt }) {
      const iceServers: { urls: string | string[]; username?: string; credential?: string }[] = [...options.iceServers];
      if (options.turn) {
        const username = `${Math.floor(expiresAt.getTime() / 1000)}:${userId}`;
        const credential = createHmac('sha1', options.turn.secret).update(username).digest('base64');
        iceServers.push({ urls: options.turn.urls, username, credential });
      }
      return { provider: 'webrtc', roomId, iceServers };
    },
  };
}
