import type { VideoProvider } from '../application/ports.ts';
import { zegoToken04 } from './zego-token04.ts';

/** Zego's room and user ids may hold only letters, digits and underscores (ours are UUIDs). */
const zegoId = (id: string) => id.replace(/[^A-Za-z0-9_]/g, '_');

/** Zego Cloud (when `ZEGO_APP_ID` and `ZEGO_SERVER_SECRET` are set): the browser gets a Token04 for this user and room only. */
export function makeZegoProvider(options: { appId: number; serverSecret: string }): VideoProvider {
  return {
    credentials({ roomId, userId, userName, expiresAt, now }) {
      const [room, user] = [zegoId(roomId), zegoId(userId)];
      const token = zegoToken04({
        appId: options.appId,
        userId: user,
        secret: options.serverSecret,
        roomId: room,
        issuedAt: now,
        expiresAt,
      });
      return { provider: 'zego', appId: options.appId, roomId: room, userId: user, userName, token };
    },
  };
}
