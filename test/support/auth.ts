import { randomBytes } from 'node:crypto';
import { mintToken } from '../../src/auth/mint-token';
import type { Role } from '../../src/auth/roles';
import { ROLES } from '../../src/auth/roles';

/** A fresh HS256 secret per test process: nothing secret lives in the repository. */
export const TEST_JWT_SECRET = process.env.AUTH_JWT_SECRET ?? randomBytes(32).toString('base64url');
process.env.AUTH_JWT_SECRET = TEST_JWT_SECRET;

/** The subject of the default test token, which holds every role. */
export const TEST_SUBJECT = 'mod-1';

export function tokenFor(roles: Role | Role[], sub = TEST_SUBJECT, expiresIn = '1h'): Promise<string> {
  return mintToken(TEST_JWT_SECRET, { sub, roles: Array.isArray(roles) ? roles : [roles], expiresIn });
}

export async function bearer(roles: Role | Role[] = [...ROLES], sub = TEST_SUBJECT): Promise<string> {
  return `Bearer ${await tokenFor(roles, sub)}`;
}
