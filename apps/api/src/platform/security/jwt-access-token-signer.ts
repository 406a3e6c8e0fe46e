import { SignJWT, jwtVerify } from 'jose';
import { roles, type Role } from '@doctime/contracts';

const ISSUER = 'doctime';
const ALGORITHM = 'HS256';

/**
 * HS256 access tokens carrying user id, role and session id. A token is
 * accepted only with this algorithm, this issuer, a subject, a session id,
 * and an expiry no further than the TTL from its issue time: a token without
 * `exp` (or `iat`) never verifies, whoever signed it.
 */
export function makeJwtAccessTokenSigner(secret: string, ttlSeconds: number) {
  const key = new TextEncoder().encode(secret);
  return {
    sign: (claims: { userId: string; role: Role; sessionId: string }) =>
      new SignJWT({ role: claims.role, sid: claims.sessionId })
        .setProtectedHeader({ alg: ALGORITHM })
        .setSubject(claims.userId)
        .setIssuer(ISSUER)
        .setIssuedAt()
        .setExpirationTime(`${ttlSeconds}s`)
        .sign(key),
    async verify(token: string) {
      try {
        const { payload } = await jwtVerify(token, key, {
          issuer: ISSUER,
          algorithms: [ALGORITHM],
          requiredClaims: ['exp', 'iat', 'sub'],
          maxTokenAge: ttlSeconds,
        });
        const { sub, exp, iat, role, sid } = payload;
        if (!sub || exp! - iat! > ttlSeconds || typeof sid !== 'string' || !roles.includes(role as Role)) return null;
        return { userId: sub, role: role as Role, sessionId: sid };
      } catch {
        return null;
      }
    },
  };
}
