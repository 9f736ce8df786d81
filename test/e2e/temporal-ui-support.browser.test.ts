import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { findFreePort, RunningServer, startTemporalDevServer } from '../../scripts/lib/local-servers';
import { startTemporalUiGateway } from '../../scripts/lib/temporal-ui-gateway';
import { SEARCH_ATTRIBUTE_TYPES } from '../../workflows/definitions';
import { tokenFor } from '../support/auth';
import { launchChromium } from '../support/browser';
import { activitySummariesOf, decryptedHistory } from '../support/history';
import { Platform } from '../support/platform-fixtures';
import { TestApp, eventually, startTestApp } from '../support/test-app';

/**
 * Support staff reading a report's history in the Temporal Web UI, set up as `npm start` does
 * (scripts/start-embedded.ts): the dev server's UI behind the gateway that serves it and the
 * API's /codec on one origin, the UI's codec endpoint there, and the console linking to it.
 * Real Chromium, API, worker, Temporal and FerretDB; payloads are encrypted.
 */
const OUTPUT = join(__dirname, '..', '..', 'test-output', 'temporal-ui');
const NO_CODEC = 'Codec Server could not connect';

let temporal: Awaited<ReturnType<typeof startTemporalDevServer>>;
let gateway: RunningServer;
let t: TestApp;
let platform: Platform;
let browser: Browser;
let apiUrl: string;
let uiUrl: string;

beforeAll(async () => {
  const [apiPort, temporalPort, devServerUiPort, uiPort] = [await findFreePort(), await findFreePort(), await findFreePort(), await findFreePort()];
  apiUrl = `http://127.0.0.1:${apiPort}`;
  uiUrl = `http://127.0.0.1:${uiPort}`;
  temporal = await startTemporalDevServer({
    port: temporalPort,
    uiPort: devServerUiPort,
    searchAttributes: SEARCH_ATTRIBUTE_TYPES,
    uiCodecEndpoint: `${uiUrl}/codec`,
  });
  t = await startTestApp('ui-support', { TEMPORAL_UI_URL: uiUrl }, { temporalAddress: temporal.address });
  await t.app.listen(apiPort, '127.0.0.1');
  gateway = await startTemporalUiGateway({
    port: uiPort,
    uiUpstream: { host: '127.0.0.1', port: devServerUiPort },
    apiUpstream: { host: '127.0.0.1', port: apiPort },
  });
  platform = new Platform(t);
  browser = await launchChromium();
  mkdirSync(OUTPUT, { recursive: true });
}, 90_000);

afterAll(async () => {
  await browser?.close();
  await gateway?.stop();
  await t?.close();
  await temporal?.stop();
});

/** A chat report awaiting review; its workflow input names the reporter, in ciphertext on the server. */
async function fileReport(): Promise<{ reporter: string; reportId: string; workflowId: string }> {
  const reporter = await platform.user('rep');
  const reported = await platform.user('reported');
  const messageId = await platform.message(await platform.chat(reporter, reported), reported, 'you will regret this');
  const filed = await platform.fileReportWaiting(10, reporter, 'chat_message', messageId, { reasons: ['violent_threatening'] }).expect(202);
  expect(filed.body.status).toBe('awaiting_review');
  return { reporter, reportId: filed.body.reportId, workflowId: filed.body.workflowId };
}

/** Every codec call the UI makes from this page, with what it sent and got. */
function recordCodecCalls(page: Page) {
  const calls: { status: number; headers: Record<string, string> }[] = [];
  page.on('response', async (response) => {
    if (!new URL(response.url()).pathname.startsWith('/codec/')) return;
    calls.push({ status: response.status(), headers: await response.request().allHeaders() });
  });
  return calls;
}

/** The steps the docs give support staff (docs/temporal-ui.md): sign in to the console with a support token. */
async function signInAsSupport(context: BrowserContext, sub: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${apiUrl}/console`);
  await page.getByRole('textbox', { name: 'Access token' }).fill(await tokenFor('support', sub));
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByText(`Signed in as ${sub}`).waitFor();
  await page.getByText('The Temporal UI decrypts report histories in this browser until').waitFor();
  return page;
}

/** ... then follow the report's "Temporal UI" link, which opens the UI in a new tab. */
async function followTemporalUiLink(consolePage: Page, reportId: string): Promise<{ ui: Page; codecCalls: ReturnType<typeof recordCodecCalls> }> {
  const link = consolePage.getByRole('link', { name: `Open report ${reportId} in the Temporal UI` });
  const [ui] = await Promise.all([consolePage.context().waitForEvent('page'), link.click()]);
  return { ui, codecCalls: recordCodecCalls(ui) };
}

/**
 * The workflow input as the UI shows it (the read-only JSON editor labelled "Input"), once it
 * names a report: the UI shows the stored payload first and replaces it when the codec answers.
 */
async function shownInput(ui: Page): Promise<unknown> {
  const input = ui.getByRole('textbox', { name: 'Input' });
  await input.waitFor({ timeout: 45_000 });
  const text = await eventually(
    () => input.innerText(),
    (shown) => shown.includes('"reportId"'),
    30_000,
  ).catch(() => input.innerText());
  return JSON.parse(text);
}

const newContext = () => browser.newContext({ viewport: { width: 1400, height: 1150 } });

test('without the support sign-in, the UI shows ciphertext and "could not connect": the codec refuses it', async () => {
  const report = await fileReport();
  const context = await newContext();
  const ui = await context.newPage();
  const codecCalls = recordCodecCalls(ui);
  await ui.goto(`${uiUrl}/namespaces/default/workflows/${report.workflowId}`);
  // The input as the server stores it: the UI can only show this ciphertext.
  const started = (await t.temporal.workflow.getHandle(report.workflowId).fetchHistory()).events![0].workflowExecutionStartedEventAttributes!;
  const ciphertext = Buffer.from(started.input!.payloads![0].data!).toString('base64');
  await ui.getByText(ciphertext.slice(0, 32)).filter({ visible: true }).first().waitFor({ timeout: 45_000 });
  await ui.getByText(NO_CODEC).filter({ visible: true }).first().waitFor();
  expect(await ui.locator('body').innerText()).not.toContain(report.reporter);
  expect(codecCalls.length).toBeGreaterThan(0);
  expect(codecCalls.map((c) => c.status)).toEqual(codecCalls.map(() => 401));
  await ui.screenshot({ path: join(OUTPUT, 'without-sign-in.png') });
  await context.close();
}, 120_000);

test('signed in to the console as support, one click opens the decoded history with every step under its summary', async () => {
  const report = await fileReport();
  await t.http().post(`/v1/reports/${report.reportId}/approve`).send({ policy: 'violence_threats', note: 'threat' }).expect(200);
  const handle = t.temporal.workflow.getHandle(report.workflowId);
  await handle.result();
  await platform.awaitStep(report.reportId, 'cs_notified');
  // What the UI must show: the summary of every activity this workflow scheduled, read from its history.
  const history = await decryptedHistory(await handle.fetchHistory());
  const summaries = activitySummariesOf(history).map((step) => step.summary);
  expect(summaries.length).toBeGreaterThan(0);
  expect(summaries).not.toContain(undefined);
  expect((history.events ?? []).filter((e) => e.markerRecordedEventAttributes)).toEqual([]);

  const context = await newContext();
  const consolePage = await signInAsSupport(context, 'support-ui');
  // The approval opened a follow-up ticket (R9): the support view lists it with the report's link.
  const row = consolePage.locator(`#ticket-rows tr[data-report-id="${report.reportId}"]`);
  await row.waitFor();
  await consolePage.screenshot({ path: join(OUTPUT, 'console-support.png'), fullPage: true });
  const { ui, codecCalls } = await followTemporalUiLink(consolePage, report.reportId);
  expect(new URL(ui.url()).pathname).toBe(`/namespaces/default/workflows/${report.workflowId}`);

  // The decoded input: the report as the workflow received it, in clear.
  expect(await shownInput(ui)).toMatchObject({ reportId: report.reportId, reporterId: report.reporter });
  for (const summary of [...summaries, 'Store evidence (R6)']) {
    await ui.getByText(summary!).filter({ visible: true }).first().waitFor();
  }
  expect(await ui.getByText(NO_CODEC).count()).toBe(0);
  // Same origin, so the UI's default fetch carries the session cookie; every call decoded.
  expect(codecCalls.length).toBeGreaterThan(0);
  expect(codecCalls.map((c) => c.status)).toEqual(codecCalls.map(() => 200));
  expect(codecCalls[0].headers).toMatchObject({ 'sec-fetch-site': 'same-origin', 'x-namespace': 'default' });
  expect(codecCalls[0].headers.cookie).toMatch(/codec_session=/);
  const screenshot = join(OUTPUT, 'temporal-ui-report.png');
  await ui.screenshot({ path: screenshot });
  expect(readFileSync(screenshot).subarray(1, 4).toString()).toBe('PNG');

  // No patch markers in the event history either.
  await ui.getByTestId('history-tab').click();
  await ui.getByText('Workflow Execution Started').first().waitFor();
  expect(await ui.locator('body').innerText()).not.toMatch(/Marker/i);
  await ui.close();

  // Signing out ends the session: the browser keeps no token that decrypts histories.
  await consolePage.getByRole('button', { name: 'Sign out' }).click();
  await consolePage.getByRole('textbox', { name: 'Access token' }).waitFor();
  await eventually(
    async () => (await context.cookies()).map((c) => c.name),
    (names) => !names.includes('codec_session'),
  );
  await context.close();
}, 120_000);

test('a report still under review: found by its id, its Call Stack tab shows where the workflow waits', async () => {
  const report = await fileReport();
  const context = await newContext();
  const consolePage = await signInAsSupport(context, 'support-ui');
  await consolePage.getByRole('textbox', { name: 'Report id' }).fill(report.reportId);
  await consolePage.getByRole('button', { name: 'Find report' }).click();
  await consolePage.locator('#lookup-facts').getByText('awaiting review').waitFor();
  const { ui } = await followTemporalUiLink(consolePage, report.reportId);
  expect(await shownInput(ui)).toMatchObject({ reportId: report.reportId, reporterId: report.reporter });
  await ui.getByTestId('call-stack-tab').click();
  const stack = ui.getByText(/at reportLifecycleWorkflow/).first();
  await stack.waitFor({ timeout: 30_000 });
  await ui.screenshot({ path: join(OUTPUT, 'call-stack.png') });
  await context.close();
}, 120_000);
