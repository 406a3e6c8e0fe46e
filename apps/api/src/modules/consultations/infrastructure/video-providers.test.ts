import { createDecipheriv, createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { makeWebRtcProvider } from './webrtc-provider.ts';
import { makeZegoProvider } from './zego-provider.ts';

const SECRET = '0123456789abcdef0123456789abcdef';
const now = new Date('2026-12-01T09:50:00Z');
const expiresAt = new Date('2026-12-01T11:05:00Z');
const call = { roomId: 'a1b2-c3', userId: 'u-7', userName: 'Asha Rao', expiresAt, now };

/**
 * Reads a Token04 as Zego's documentation lays it out, written apart from the encoder:
 * "04" + base64(expire int64 BE, nonce length uint16 BE, nonce, cipher length uint16 BE,
 * AES-GCM ciphertext with its 16-byte tag, mode byte 1).
 */
function decodeToken04(token: string, secret: string) {
  expect(token.slice(0, 2)).toBe('04');
  const bytes = Buffer.from(token.slice(2), 'base64');
  let at = 0;
  const expire = Number(bytes.readBigInt64BE(at));
  at += 8;
  const nonceLength = bytes.readUInt16BE(at);
  at += 2;
  const nonce = bytes.subarray(at, at + nonceLength);
  at += nonceLength;
  const cipherLength = bytes.readUInt16BE(at);
  at += 2;
  const sealed = bytes.subarray(at, at + cipherLength);
  at += cipherLength;
  const mode = bytes[at];
  expect(at + 1).toBe(bytes.length);
  const decipher = createDecipheriv('aes-256-gcm', Buffer.from(secret), nonce);
  decipher.setAuthTag(sealed.subarray(sealed.length - 16));
  const plain = Buffer.concat([decipher.update(sealed.subarray(0, sealed.length - 16)), decipher.final()]).toString('utf8');
  return { expire, nonceLength, mode, info: JSON.parse(plain) as Record<string, unknown> };
}

describe('Zego Token04', () => {
  it('round-trips: one user, one room, login and publish, expiring when the API said (ids in the characters Zego allows)', () => {
    const answer = makeZegoProvider({ appId: 123456789, serverSecret: SECRET }).credentials(call);
    expect(answer).toMatchObject({ provider: 'zego', appId: 123456789, roomId: 'a1b2_c3', userId: 'u_7', userName: 'Asha Rao' });
    if (answer.provider !== 'zego') throw new Error('expected a Zego answer');
    const { expire, nonceLength, mode, info } = decodeToken04(answer.token, SECRET);
    expect({ expire, nonceLength, mode }).toEqual({ expire: expiresAt.getTime() / 1000, nonceLength: 12, mode: 1 });
    expect(info).toMatchObject({
      app_id: 123456789,
      user_id: 'u_7',
      ctime: now.getTime() / 1000,
      expire: expiresAt.getTime() / 1000,
    });
    expect(Number.isInteger(info['nonce'])).toBe(true);
    expect(JSON.parse(info['payload'] as string)).toEqual({
      room_id: 'a1b2_c3',
      privilege: { 1: 1, 2: 1 },
      stream_id_list: null,
    });
    expect(answer.token).not.toContain(SECRET);
  });

  it('cannot be read, or forged, without the secret', () => {
    const answer = makeZegoProvider({ appId: 1, serverSecret: SECRET }).credentials(call);
    if (answer.provider !== 'zego') throw new Error('expected a Zego answer');
    expect(() => decodeToken04(answer.token, 'x'.repeat(32))).toThrow();
    const tampered = Buffer.from(answer.token.slice(2), 'base64');
    tampered[30] = (tampered[30] ?? 0) ^ 1;
    expect(() => decodeToken04(`04${tampered.toString('base64')}`, SECRET)).toThrow();
  });
});

describe('built-in WebRTC', () => {
  it('hands out the configured STUN servers and no TURN without a secret', () => {
    const answer = makeWebRtcProvider({ iceServers: [{ urls: 'stun:stun.example.org:3478' }] }).credentials(call);
    expect(answer).toEqual({ provider: 'webrtc', roomId: 'a1b2-c3', iceServers: [{ urls: 'stun:stun.example.org:3478' }] });
  });

  it("issues coturn's time-limited TURN credentials: expiry and user in the name, HMAC-SHA1 of it as the password", () => {
    const secret = 'turn shared secret 0123';
    const answer = makeWebRtcProvider({ iceServers: [], turn: { urls: ['turn:turn.example.org:3478'], secret } }).credentials(
      call,
    );
    if (answer.provider !== 'webrtc') throw new Error('expected a WebRTC answer');
    const [turn] = answer.iceServers;
    const username = `${expiresAt.getTime() / 1000}:u-7`;
    expect(turn).toEqual({
      urls: ['turn:turn.example.org:3478'],
      username,
      credential: createHmac('sha1', secret).update(username).digest('base64'),
    });
    expect(JSON.stringify(answer)).not.toContain(secret);
  });
});
