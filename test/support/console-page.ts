/// <reference lib="dom" />
// The page.evaluate callbacks below run in the browser.
import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import type { Role } from '../../src/auth/roles';
import { tokenFor } from './auth';
import { launchChromium } from './browser';
import { Platform } from './platform-fixtures';
import { TestApp, startTestApp } from './test-app';

export interface ConsoleRun {
  t: TestApp;
  platform: Platform;
  baseUrl: string;
  browser: Browser;
  close: () => Promise<void>;
}

/** The real API and worker listening on a free port, and headless Chromium; screenshots go to `screenshots`. */
export async function startConsoleRun(name: string, screenshots: string): Promise<ConsoleRun> {
  const t = await startTestApp(name);
  await t.app.listen(0, '127.0.0.1');
  const baseUrl = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
  const browser = await launchChromium();
  mkdirSync(screenshots, { recursive: true });
  return {
    t,
    platform: new Platform(t),
    baseUrl,
    browser,
    close: async () => {
      await browser.close();
      await t.close();
    },
  };
}

/** A console page that records script errors and CSP refusals, so a test can assert there were none. */
export async function openConsole(browser: Browser, baseUrl: string): Promise<{ page: Page; problems: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  const response = await page.goto(`${baseUrl}/console`);
  if (response?.status() !== 200) throw new Error(`/console answered ${response?.status()}`);
  return { page, problems };
}

/** Signs in with a token of `role` for `sub`, as staff paste it into the page. */
export async function signInAs(page: Page, role: Role, sub: string): Promise<void> {
  await page.getByRole('textbox', { name: 'Access token' }).fill(await tokenFor(role, sub));
  await page.keyboard.press('Enter');
  await page.getByText(`Signed in as ${sub}`).waitFor();
}

/** Accessibility basics: every form control has a label, every button a name, one h1, a language. */
export async function missingAccessibilityBasics(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    if (!document.documentElement.lang) problems.push('html has no lang');
    if (document.querySelectorAll('h1').length !== 1) problems.push('not exactly one h1');
    for (const control of Array.from(document.querySelectorAll<HTMLInputElement>('input, select, textarea'))) {
      const named = (control.labels?.length ?? 0) > 0 || control.getAttribute('aria-label') || control.getAttribute('aria-labelledby');
      if (!named) problems.push(`unlabelled ${control.tagName.toLowerCase()}#${control.id}`);
    }
    for (const button of Array.from(document.querySelectorAll('button'))) {
      if (!(button.textContent ?? '').trim() && !button.getAttribute('aria-label')) problems.push(`button without a name: #${button.id}`);
    }
    if (!document.querySelector('[aria-live], [role=status]')) problems.push('no live region for results');
    return problems;
  });
}
