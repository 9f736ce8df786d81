import { KeyObject, createPublicKey } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { verifyExport } from '../src/evidence/evidence-export';

/**
 * `npm run verify-export -- BUNDLE [--keys KEYS]`: checks an evidence export offline (R6).
 * KEYS is the service's `/.well-known/evidence-keys` answer saved as a file; by default
 * `evidence-keys.json` beside the bundle, so an investigator keeps the two together.
 * Prints the verdict as JSON; exit 0 valid, 1 invalid, 2 usage or unreadable files.
 */
function main(args: string[]): number {
  const keysAt = args.indexOf('--keys');
  const keysFile = keysAt >= 0 ? args[keysAt + 1] : undefined;
  const bundleFile = keysAt >= 0 ? args.filter((_, i) => i !== keysAt && i !== keysAt + 1)[0] : args[0];
  if (!bundleFile || (keysAt >= 0 && !keysFile)) {
    process.stderr.write('usage: npm run verify-export -- BUNDLE.json [--keys evidence-keys.json]\n');
    return 2;
  }
  const keys = readKeys(keysFile ?? join(dirname(bundleFile), 'evidence-keys.json'));
  const verdict = verifyExport(JSON.parse(readFileSync(bundleFile, 'utf8')), (kid) => keys.get(kid));
  process.stdout.write(`${JSON.stringify(verdict, null, 2)}\n`);
  return verdict.result === 'valid' ? 0 : 1;
}

function readKeys(file: string): Map<string, KeyObject> {
  const { keys } = JSON.parse(readFileSync(file, 'utf8')) as { keys: Array<{ kid: string; kty: string; crv: string; x: string }> };
  return new Map(keys.map(({ kid, kty, crv, x }) => [kid, createPublicKey({ key: { kty, crv, x }, format: 'jwk' })]));
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (error) {
  process.stderr.write(`verify-export: ${(error as Error).message}\n`);
  process.exitCode = 2;
}
