import { SignJWT } from 'jose';
import type { Role } from './roles';

/** Mints an HS256 token for the embedded default, tests and `npm run token`; production uses its IdP. */
export async function mintToken(
  secret: string,
  claims: { sub: string; roles: Role[]; expiresIn?: string; issuer?: string; audience?: string },
): Promise<string> {
  let jwt = new SignJWT({ roles: claims.roles })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(claims.sub)
    .setIssuedAt()
    .setExpirationTime(claims.expiresIn ?? '12h');
  if (claims.issuer) jwt = jwt.setIssuer(claims.issuer);
  if (claims.audience) jwt = jwt.setAudience(claims.audience);
  return jwt.sign(new TextEncoder().encode(secret));
}
