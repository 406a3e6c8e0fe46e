import { SignJWT, jwtVerify } from 'jose';
import { roles, type Role } from '@doctime/contracts';

const ISSUER = 'doctime';

/** HS256 access tokens carrying user id, role and session id. */
export function makeJwtAccessTokenSigner(secret: string, ttlSeconds: number) {
  const key = new TextEncoder().encode(secret);
  return {
    sign: (claims: { userId: string; role: Role; sessionId: string }) =>
      new SignJWT({ role: claims.role, sid: claims.sessionId })
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject(claims.userId)
        .setIssuer(ISSUER)
        .setIssuedAt()
        .setExpirationTime(`${ttlSeconds}s`)
        .sign(key),
    async verify(token: string) {
      try {
        const { payload } = await jwtVerify(token, key, { issuer: ISSUER, algorithms: ['HS256'] });
        const role = payload['role'];
        const sid = payload['sid'];
        if (!payload.sub || typeof sid !== 'string' || !roles.includes(role as Role)) return null;
        return { userId: payload.sub, role: role as Role, sessionId: sid };
      } catch {
        return null;
      }
    },
  };
}
