import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';
import { Browser, chromium } from 'playwright-core';

/**
 * Debian's `chromium` driven by playwright-core (which downloads no browser of its own).
 * scripts/install-tools.sh checks it is there and installs it when it can.
 */
export function chromiumPath(): string {
  const candidates = [
    process.env.CHROMIUM_PATH,
    ...(process.env.PATH ?? '')
      .split(delimiter)
      .filter(Boolean)
      .map((dir) => join(dir, 'chromium')),
    '/usr/bin/chromium',
  ];
  for (const candidate of candidates) {
    if (!candidate) continue;
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not this one
    }
  }
  throw new Error("Chromium not found: run `bash scripts/install-tools.sh` (as root it installs Debian's chromium), or set CHROMIUM_PATH");
}

/** Headless, offline, with a fresh profile (playwright-core makes a temporary one per launch). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}
