import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';

/** Cryptographically secure randomness and digests from node:crypto. */
export const nodeCryptoSecrets = {
  randomInt: (max: number) => randomInt(max),
  randomToken: (bytes: number) => randomBytes(bytes).toString('base64url'),
  digest: (value: string) => createHash('sha256').update(value).digest('base64url'),
  sameDigest(a: string, b: string) {
    const x = Buffer.from(a);
    const y = Buffer.from(b);
    return x.length === y.length && timingSafeEqual(x, y);
  },
};
