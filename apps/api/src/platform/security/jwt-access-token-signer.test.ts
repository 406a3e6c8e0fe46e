import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { makeJwtAccessTokenSigner } from './jwt-access-token-signer.ts';

const SECRET = 's'.repeat(40);
const TTL = 900;
const signer = makeJwtAccessTokenSigner(SECRET, TTL);
const claims = { userId: 'u1', role: 'patient' as const, sessionId: 'f1' };
const now = Math.floor(Date.now() / 1000);

/** A token like the signer's, with `edit` applied to the builder before signing. */
const variant = (edit: (jwt: SignJWT) => SignJWT, alg = 'HS256', role = 'patient') =>
  edit(new SignJWT({ role, sid: 'f1' }).setProtectedHeader({ alg }).setSubject('u1').setIssuer('doctime')).sign(
    new TextEncoder().encode(SECRET),
  );

describe('jwt access token signer', () => {
  it('verifies its own tokens, and a token built here with every claim right', async () => {
    expect(await signer.verify(await signer.sign(claims))).toEqual(claims);
    expect(await signer.verify(await variant((j) => j.setIssuedAt().setExpirationTime(now + TTL)))).toEqual(claims);
  });

  const refused: [label: string, token: () => Promise<string>][] = [
    ['no exp', () => variant((j) => j.setIssuedAt())],
    ['no iat', () => variant((j) => j.setExpirationTime(now + 60))],
    ['exp beyond the TTL', () => variant((j) => j.setIssuedAt().setExpirationTime(now + TTL + 60))],
    ['older than the TTL', () => variant((j) => j.setIssuedAt(now - TTL - 60).setExpirationTime(now + 60))],
    ['expired', () => variant((j) => j.setIssuedAt(now - 120).setExpirationTime(now - 60))],
    ['HS512', () => variant((j) => j.setIssuedAt().setExpirationTime(now + 60), 'HS512')],
    [
      'another issuer',
      () =>
        variant((j) =>
          j
            .setIssuer('else')
            .setIssuedAt()
            .setExpirationTime(now + 60),
        ),
    ],
    ['a role that is not ours', () => variant((j) => j.setIssuedAt().setExpirationTime(now + 60), 'HS256', 'root')],
  ];

  it.each(refused)('refuses a token with %s', async (_label, token) => {
    expect(await signer.verify(await token())).toBeNull();
  });
});
