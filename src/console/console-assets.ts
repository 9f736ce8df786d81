import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The files of the console (web/console/): plain HTML, CSS and module scripts, no build step. */
const ASSET_TYPES: Record<string, string> = {
  'index.html': 'text/html; charset=utf-8',
  'console.css': 'text/css; charset=utf-8',
  'app.js': 'text/javascript; charset=utf-8',
  'api-client.js': 'text/javascript; charset=utf-8',
  'appeals-view.js': 'text/javascript; charset=utf-8',
  'case-view.js': 'text/javascript; charset=utf-8',
  'dom.js': 'text/javascript; charset=utf-8',
  'evidence-check.js': 'text/javascript; charset=utf-8',
  'feedback.js': 'text/javascript; charset=utf-8',
  'history-view.js': 'text/javascript; charset=utf-8',
  'support-view.js': 'text/javascript; charset=utf-8',
  'ticket-view.js': 'text/javascript; charset=utf-8',
  'icon.svg': 'image/svg+xml',
};

export interface ConsoleAsset {
  contentType: string;
  body: Buffer;
}

/**
 * The page holds no data: everything it shows comes from the API with the signed-in token. So
 * the policy forbids inline script and style, other origins, frames and form posts; evidence is
 * hostile user content and is only ever written as text.
 */
export const CONSOLE_SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy':
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; " +
    "base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cache-Control': 'no-cache',
};

/**
 * Reads the assets once at start-up. Only the names listed above are served (no path from the
 * URL ever reaches the file system). The folder is found by walking up from this file, which
 * sits in src/console/ when run from source and in dist/src/console/ when built.
 */
export function loadConsoleAssets(startDir: string = __dirname): Map<string, ConsoleAsset> {
  const root = findAssetDir(startDir);
  return new Map(Object.entries(ASSET_TYPES).map(([name, contentType]) => [name, { contentType, body: readFileSync(join(root, name)) }]));
}

function findAssetDir(startDir: string): string {
  for (let dir = startDir; ; dir = dirname(dir)) {
    const candidate = join(dir, 'web', 'console');
    if (existsSync(join(candidate, 'index.html'))) return candidate;
    if (dirname(dir) === dir) throw new Error(`web/console/index.html not found above ${startDir}`);
  }
}
