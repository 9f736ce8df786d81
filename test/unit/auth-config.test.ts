import { SignJWT } from 'jose';
import { randomBytes } from 'node:crypto';
import { AuthConfig } from '../../src/auth/auth-config';
import { TokenVerifier } from '../../src/auth/token-verifier';

const SECRET = randomBytes(32).toString('base64url');
const JWKS = { AUTH_JWKS_URL: 'https://idp.example.com/.well-known/jwks.json', AUTH_ISSUER: 'https://idp.example.com/', AUTH_AUDIENCE: 'report-lifecycle' };

test('a configuration with both a shared secret and a JWKS is refused', () => {
  expect(() => new AuthConfig({ AUTH_JWT_SECRET: SECRET, ...JWKS })).toThrow(/AUTH_JWT_SECRET.*AUTH_JWKS_URL|both/);
});

test('a JWKS needs an issuer and an audience', () => {
  expect(() => new AuthConfig({ AUTH_JWKS_URL: JWKS.AUTH_JWKS_URL })).toThrow(/AUTH_ISSUER/);
  expect(() => new AuthConfig({ AUTH_JWKS_URL: JWKS.AUTH_JWKS_URL, AUTH_ISSUER: JWKS.AUTH_ISSUER })).toThrow(/AUTH_AUDIENCE/);
  expect(new AuthConfig(JWKS).jwksUrl?.href).toBe(JWKS.AUTH_JWKS_URL);
});

test('in production the JWKS is fetched over https only', () => {
  const plain = { ...JWKS, AUTH_JWKS_URL: 'http://idp.example.com/jwks.json' };
  expect(() => new AuthConfig({ ...plain, NODE_ENV: 'production' })).toThrow(/https/);
  expect(new AuthConfig(plain).jwksUrl?.protocol).toBe('http:');
});

test('a token older than the maximum age is refused even before it expires', async () => {
  const verifier = new TokenVerifier(new AuthConfig({ AUTH_JWT_SECRET: SECRET, AUTH_MAX_TOKEN_AGE: '1h' }));
  const sign = (issuedSecondsAgo: number) =>
    new SignJWT({ roles: ['support'] })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('support-1')
      .setIssuedAt(Math.floor(Date.now() / 1000) - issuedSecondsAgo)
      .setExpirationTime('10d')
      .sign(new TextEncoder().encode(SECRET));
  await expect(verifier.verify(await sign(60))).resolves.toEqual({ sub: 'support-1', roles: ['support'] });
  await expect(verifier.verify(await sign(2 * 3600))).rejects.toMatchObject({ status: 401, code: 'TOKEN_EXPIRED' });
});

test('a token without an issued-at time is refused', async () => {
  const verifier = new TokenVerifier(new AuthConfig({ AUTH_JWT_SECRET: SECRET }));
  const token = await new SignJWT({ roles: ['support'] })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject('s')
    .setExpirationTime('1h')
    .sign(new TextEncoder().encode(SECRET));
  await expect(verifier.verify(token)).rejects.toMatchObject({ status: 401, code: 'TOKEN_INVALID' });
});
