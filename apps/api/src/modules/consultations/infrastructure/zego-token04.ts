import { createCipheriv, randomBytes, randomInt } from 'node:crypto';

/** Zego's privilege keys and values in a Token04 room payload. */
const PRIVILEGE_LOGIN = 1;
const PRIVILEGE_PUBLISH = 2;
const ENABLED = 1;
/** The last byte of the binary token: 1 = AES-GCM (the current layout; 0 was CBC, deprecated). */
const MODE_GCM = 1;

export interface Token04Input {
  appId: number;
  userId: string;
  /** 32 characters, used as the AES-256 key. */
  secret: string;
  roomId: string;
  issuedAt: Date;
  expiresAt: Date;
}

/**
 * A Zego Token04 that lets one user log in to one room and publish there, until `expiresAt`.
 * Layout: "04" + base64( expire (int64 BE, unix s) | nonce length (uint16 BE) | nonce (12) |
 * ciphertext length (uint16 BE) | AES-256-GCM(secret, nonce) of the JSON
 * {app_id, user_id, nonce, ctime, expire, payload} with its 16-byte tag | mode (1) ).
 */
export function zegoToken04(input: Token04Input): string {
  if (Buffer.byteLength(input.secret) !== 32) throw new Error('ZEGO_SERVER_SECRET must be 32 bytes');
  const ctime = Math.floor(input.issuedAt.getTime() / 1000);
  const expire = Math.floor(input.expiresAt.getTime() / 1000);
  const payload = JSON.stringify({
    room_id: input.roomId,
    privilege: { [PRIVILEGE_LOGIN]: ENABLED, [PRIVILEGE_PUBLISH]: ENABLED },
    stream_id_list: null,
  });
  const plain = JSON.stringify({
    app_id: input.appId,
    user_id: input.userId,
    nonce: randomInt(-(2 ** 31), 2 ** 31 - 1),
    ctime,
    expire,
    payload,
  });
  const nonce = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', Buffer.from(input.secret), nonce);
  const sealed = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final(), cipher.getAuthTag()]);
  const head = Buffer.alloc(10);
  head.writeBigInt64BE(BigInt(expire), 0);
  head.writeUInt16BE(nonce.length, 8);
  const length = Buffer.alloc(2);
  length.writeUInt16BE(sealed.length, 0);
  return `04${Buffer.concat([head, nonce, length, sealed, Buffer.from([MODE_GCM])]).toString('base64')}`;
}
