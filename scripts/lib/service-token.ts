import { randomBytes } from 'node:crypto';
import { mintToken } from '../../src/auth/mint-token';
import { ROLES } from '../../src/auth/roles';

/**
 * For the load tools (chaos run, benchmark) that start their own API: a throw-away HS256
 * secret in this process's environment (the child processes inherit it) and a bearer
 * holding every role, which those tools use to drive the API like an app and a moderator.
 */
export async function throwAwayServiceAuth(sub: string): Promise<string> {
  process.env.AUTH_JWT_SECRET ??= randomBytes(32).toString('base64url');
  return `Bearer ${await mintToken(process.env.AUTH_JWT_SECRET, { sub, roles: [...ROLES], expiresIn: '24h' })}`;
}
