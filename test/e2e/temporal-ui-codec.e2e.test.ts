import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import { findFreePort, RunningServer, startTemporalDevServer } from '../../scripts/lib/local-servers';
import { SEARCH_ATTRIBUTE_TYPES } from '../../workflows/definitions';
import { bearer } from '../support/auth';
import { launchChromium } from '../support/browser';
import { Platform } from '../support/platform-fixtures';
import { TestApp, startTestApp } from '../support/test-app';

const OUTPUT = join(__dirname, '..', '..', 'test-output');

let temporal: RunningServer & { address: string; uiUrl: string };
let t: TestApp;
let platform: Platform;
let browser: Browser;
let apiUrl: string;

beforeAll(async () => {
  const started = Date.now();
  const [apiPort, temporalPort, uiPort] = [await findFreePort(), await findFreePort(), await findFreePort()];
  apiUrl = `http://127.0.0.1:${apiPort}`;
  temporal = await startTemporalDevServer({ port: temporalPort, uiPort, searchAttributes: SEARCH_ATTRIBUTE_TYPES, uiCodecEndpoint: `${apiUrl}/codec` });
  t = await startTestApp('ui-codec', { CODEC_CORS_ORIGINS: temporal.uiUrl }, { temporalAddress: temporal.address });
  await t.app.listen(apiPort, '127.0.0.1');
  platform = new Platform(t);
  browser = await launchChromium();
  process.stdout.write(`ui-codec: dev server with UI, API, worker and Chromium up in ${Date.now() - started} ms\n`);
}, 90_000);

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await t?.close();
  await temporal?.stop();
});

/** A report awaiting review: its workflow input names the reporter, in ciphertext on the server. */
async function fileReport(): Promise<{ reporter: string; workflowId: string }> {
  const reporter = await platform.user('rep');
  const reported = await platform.user('reported');
  const chatId = await platform.chat(reporter, reported);
  const messageId = await platform.message(chatId, reported, 'see you later');
  const filed = await platform.fileReport(reporter, 'chat_message', messageId, ['violent_threatening']).expect(202);
  await platform.awaitStatus(filed.body.reportId, 'awaiting_review');
  return { reporter, workflowId: filed.body.workflowId };
}

/**
 * The dev server's UI has no SSO, so it cannot pass a token; staff sign in to /codec once (an
 * HttpOnly cookie) and switch on "include cross-origin credentials" in the UI's codec settings,
 * which the UI keeps in the browser's local storage (as its settings dialog does). One browser
 * context for both tests, so the second page load comes from the cache.
 */
let context: BrowserContext;

async function openHistory(workflowId: string) {
  context ??= await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.addInitScript((endpoint: string) => {
    // Runs in the page (DOM types are not in this project's lib).
    const storage = (globalThis as unknown as { localStorage: { setItem(key: string, value: string): void } }).localStorage;
    storage.setItem('overrideRemoteCodecConfiguration', 'true');
    storage.setItem('endpoint', JSON.stringify(endpoint));
    storage.setItem('includeCredentials', 'true');
  }, `${apiUrl}/codec`);
  const page = await context.newPage();
  const codecCalls: { status: number; headers: Record<string, string>; responseHeaders: Record<string, string> }[] = [];
  page.on('response', async (response) => {
    if (!response.url().startsWith(`${apiUrl}/codec/decode`)) return;
    codecCalls.push({ status: response.status(), headers: await response.request().allHeaders(), responseHeaders: await response.allHeaders() });
  });
  const started = Date.now();
  await page.goto(`${temporal.uiUrl}/namespaces/default/workflows/${workflowId}`);
  return { page, codecCalls, started };
}

test('without a support session the UI gets 401 from the codec and shows only ciphertext', async () => {
  const { reporter, workflowId } = await fileReport();
  const { page, codecCalls } = await openHistory(workflowId);
  // The workflow input as the server stores it: the UI can only show this ciphertext.
  const started = (await t.temporal.workflow.getHandle(workflowId).fetchHistory()).events![0].workflowExecutionStartedEventAttributes!;
  const ciphertext = Buffer.from(started.input!.payloads![0].data!).toString('base64');
  await page.getByText(ciphertext.slice(0, 32)).filter({ visible: true }).first().waitFor({ timeout: 45_000 });
  await expect(page.getByText('Codec Server could not connect').filter({ visible: true }).count()).resolves.toBe(1);
  expect(codecCalls.length).toBeGreaterThan(0);
  expect(codecCalls.every((c) => c.status === 401)).toBe(true);
  expect(await page.locator('body').innerText()).not.toContain(reporter);
  mkdirSync(OUTPUT, { recursive: true });
  await page.screenshot({ path: join(OUTPUT, 'temporal-ui-without-codec.png') });
  await page.close();
}, 60_000);

test('support staff read the decoded workflow input in the Temporal Web UI through the codec', async () => {
  const { reporter, workflowId } = await fileReport();
  const signIn = await context.request.post(`${apiUrl}/codec/session`, { headers: { Authorization: await bearer('support', 'support-1') } });
  expect(signIn.status()).toBe(204);
  const { page, codecCalls, started } = await openHistory(workflowId);
  await page.getByText(`"${reporter}"`).first().waitFor({ timeout: 45_000 });
  process.stdout.write(`ui-codec: decoded input shown ${Date.now() - started} ms after opening the page, ${codecCalls.length} codec calls\n`);
  mkdirSync(OUTPUT, { recursive: true });
  await page.screenshot({ path: join(OUTPUT, 'temporal-ui-decoded-history.png') });
  // What the UI sends: a CORS POST from its origin with the namespace header and the cookie.
  const call = codecCalls.find((c) => c.status === 200)!;
  expect(call.headers).toMatchObject({ origin: temporal.uiUrl, 'x-namespace': 'default', 'content-type': 'application/json' });
  expect(call.headers.cookie).toMatch(/codec_session=/);
  expect(call.responseHeaders).toMatchObject({ 'access-control-allow-origin': temporal.uiUrl, 'access-control-allow-credentials': 'true' });
}, 60_000);
