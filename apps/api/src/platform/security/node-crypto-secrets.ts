import { createHash, createHmac, hkdfSync, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';

/**
 * Cryptographically secure randomness, digests and keyed derivations from
 * node:crypto. Derived secrets use a key split off `masterSecret` with HKDF
 * under a label of its own, so it never equals the key that signs tokens.
 */
export function makeNodeCryptoSecrets(masterSecret: string) {
  const derivationKey = Buffer.from(hkdfSync('sha256', masterSecret, '', 'doctime derived secrets v1', 32));
  return {
    randomInt: (max: number) => randomInt(max),
    randomToken: (bytes: number) => randomBytes(bytes).toString('base64url'),
    digest: (value: string) => createHash('sha256').update(value).digest('base64url'),
    sameDigest(a: string, b: string) {
      const x = Buffer.from(a);
      const y = Buffer.from(b);
      return x.length === y.length && timingSafeEqual(x, y);
    },
    deriveSecret: (value: string) => createHmac('sha256', derivationKey).update(value).digest('base64url'),
  };
}
