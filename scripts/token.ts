import { parseArgs } from 'node:util';
import { mintToken } from '../src/auth/mint-token';
import { ROLES, Role } from '../src/auth/roles';
import { ensureLocalSecrets } from './lib/local-secrets';
import { repoRoot } from './lib/local-servers';
import { join } from 'node:path';
import { errorStack } from '../src/common/error-text';

/**
 * `npm run token -- --role moderator --sub mod-1 [--expires 12h]`: a token for the embedded
 * default (or for AUTH_JWT_SECRET when set). Production tokens come from its identity provider.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { role: { type: 'string', multiple: true }, sub: { type: 'string' }, expires: { type: 'string', default: '12h' } },
  });
  const roles = (values.role ?? []) as Role[];
  if (roles.length === 0 || roles.some((role) => !ROLES.includes(role)) || !values.sub) {
    process.stderr.write(`usage: npm run token -- --role <${ROLES.join('|')}> [--role ...] --sub <user id> [--expires 12h]\n`);
    process.exit(2);
  }
  const secret = process.env.AUTH_JWT_SECRET ?? ensureLocalSecrets(join(repoRoot(), '.data')).jwtSecret;
  process.stdout.write(`${await mintToken(secret, { sub: values.sub, roles, expiresIn: values.expires })}\n`);
}

main().catch((error) => {
  process.stderr.write(`${errorStack(error)}\n`);
  process.exit(1);
});
