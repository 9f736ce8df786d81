/// <reference lib="dom" />
// The page.evaluate callbacks below run in the browser.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import request from 'supertest';
import { tokenFor } from '../support/auth';
import { ConsoleRun, missingAccessibilityBasics, openConsole as openPage, signInAs, startConsoleRun } from '../support/console-page';
import { activityTypesOf, hasCompleted } from '../support/history';
import { Platform } from '../support/platform-fixtures';
import type { TestApp } from '../support/test-app';

/** The moderator console in real headless Chromium against the real API, worker, Temporal and FerretDB. */
const SCREENSHOTS = join(__dirname, '..', '..', 'test-output', 'console');

let run: ConsoleRun;
let t: TestApp;
let platform: Platform;
let baseUrl: string;
let browser: Browser;

beforeAll(async () => {
  run = await startConsoleRun('console', SCREENSHOTS);
  ({ t, platform, baseUrl, browser } = run);
});

afterAll(() => run?.close());

/** A chat between two fresh users, the reported message last, filed by the first and awaiting review. */
async function chatReport(messages: Array<[by: 'reporter' | 'reported', text: string]>, reasons = ['violent_threatening']) {
  const reporter = await platform.user('rep');
  const reported = await platform.user('reported');
  const chatId = await platform.chat(reporter, reported);
  let messageId = '';
  for (const [by, text] of messages) messageId = await platform.message(chatId, by === 'reporter' ? reporter : reported, text);
  const filed = await platform.fileReport(reporter, 'chat_message', messageId, reasons).expect(202);
  const reportId: string = filed.body.reportId;
  await platform.awaitStatus(reportId, 'awaiting_review');
  // The queue lists cases (every report on one target); this report is the case's only one.
  const queue = (await t.http().get('/v1/moderation/queue').query({ limit: 100 }).expect(200)).body;
  const caseId: string = queue.items.find((item: { target: { id: string } }) => item.target.id === messageId).caseId;
  return { reporter, reported, reportId, caseId };
}

const openConsole = () => openPage(browser, baseUrl);
const signIn = (page: Page, sub: string) => signInAs(page, 'moderator', sub);

describe('moderator console', () => {
  test('is served with a strict Content-Security-Policy and only its own files', async () => {
    const page = await request(baseUrl).get('/console').expect(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.headers['content-security-policy']).toContain("default-src 'none'");
    expect(page.headers['content-security-policy']).not.toContain('unsafe-inline');
    expect(page.text).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect((await request(baseUrl).get('/console/app.js').expect(200)).headers['content-type']).toMatch(/^text\/javascript/);
    expect((await request(baseUrl).get('/console/nothing.js').expect(404)).body.code).toBe('CONSOLE_ASSET_NOT_FOUND');
    await request(baseUrl).get('/console/..%2Fpackage.json').expect(404);
    // Without TEMPORAL_UI_URL the console has no Temporal UI to link reports to.
    expect((await request(baseUrl).get('/console/settings.json').expect(200)).body).toEqual({ temporalUiReportUrl: null });
  });

  test('R6, R7, R10: a moderator signs in, opens the case, sees verified evidence, approves, and the workflow blocks the reported user', async () => {
    const { reporter, reported, reportId, caseId } = await chatReport([
      ['reporter', 'why are you angry?'],
      ['reported', 'I know where you live'],
    ]);
    const evidence = (await t.http().get(`/v1/reports/${reportId}/evidence`).expect(200)).body;
    const { page, problems } = await openConsole();
    expect(await missingAccessibilityBasics(page)).toEqual([]);

    await signIn(page, 'mod-console');
    // A moderator gets the queue, not the support view, and no session that decrypts histories.
    expect(await page.locator('#support-workspace').isHidden()).toBe(true);
    expect((await page.context().cookies()).map((c) => c.name)).not.toContain('codec_session');
    const open = page.getByRole('button', { name: `Open case ${caseId}` });
    await open.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: `Case ${caseId}` }).waitFor();
    await page.locator('#evidence-browser-check[data-state="verified"]').waitFor();
    expect(await page.locator('#evidence-server-check').getAttribute('data-state')).toBe('verified');
    // The verify route also compares the root the workflow history recorded at capture.
    expect(await page.locator('#evidence-server-check').textContent()).toContain('the root the workflow history recorded');
    expect(await page.locator('#evidence-scheme').textContent()).toBe(evidence.scheme);
    expect(await page.locator('#root-digest').textContent()).toBe(evidence.rootDigest);
    const items = page.locator('.evidence-item');
    expect(await items.locator('.user-text').allTextContents()).toEqual(['why are you angry?', 'I know where you live']);
    expect(await items.locator('code.digest').allTextContents()).toEqual(evidence.items.map((i: { digest: string }) => i.digest));
    expect(await items.evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-digest-valid')))).toEqual(['true', 'true']);
    expect(await page.getByRole('status').textContent()).toContain('evidence verified in this browser');
    expect(await missingAccessibilityBasics(page)).toEqual([]);
    await page.getByRole('button', { name: 'Claim this case' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `You claimed case ${caseId}` })
      .waitFor();
    await page.getByText('You hold this case until').waitFor();
    expect((await t.http().get(`/v1/moderation/cases/${caseId}`).expect(200)).body.claim).toMatchObject({ moderatorId: 'mod-console' });

    const screenshot = join(SCREENSHOTS, 'moderator-console.png');
    await page.screenshot({ path: screenshot, fullPage: true });
    expect(readFileSync(screenshot).subarray(1, 4).toString()).toBe('PNG');

    await page.getByRole('combobox', { name: 'Policy applied (R10)' }).selectOption('violence_threats');
    await page.getByRole('textbox', { name: 'Note for the record' }).fill('threat against the reporter');
    await page.getByRole('button', { name: 'Approve and block' }).click();
    await page.getByRole('status').filter({ hasText: 'blocked for the reporter (R7)' }).waitFor({ timeout: 30_000 });
    expect(await page.locator('#case-status').getAttribute('data-status')).toBe('approved');
    await page.screenshot({ path: join(SCREENSHOTS, 'moderator-console-approved.png'), fullPage: true });

    // The API: decided by the signed-in moderator with the chosen policy, and the block is in place.
    const report = await platform.report(reportId);
    expect(report).toMatchObject({ status: 'approved', autoBlock: 'applied' });
    expect(report.decision).toMatchObject({ outcome: 'approved', moderatorId: 'mod-console', policy: 'violence_threats', note: 'threat against the reporter' });
    const blocks = (await t.http().get(`/v1/users/${reporter}/blocks`).expect(200)).body;
    expect(blocks).toEqual([expect.objectContaining({ blockedUserId: reported, active: true })]);
    // Temporal: the workflow ran the approval's steps (block, sanction, CS notice) and completed as approved.
    const handle = t.temporal.workflow.getHandle(report.workflowId);
    expect(await handle.result()).toMatchObject({ status: 'approved' });
    const history = await handle.fetchHistory();
    expect(activityTypesOf(history)).toEqual(expect.arrayContaining(['blockReportedUser', 'sanctionReportedAccount', 'notifyCustomerService']));
    expect(hasCompleted(history)).toBe(true);
    // The case left the queue.
    await page.getByRole('button', { name: `Open case ${caseId}` }).waitFor({ state: 'detached' });
    expect(problems).toEqual([]);
    await page.close();
  });

  test('R6: the queue filters by reason and kind; hostile evidence is shown as text, and altered evidence fails the browser check', async () => {
    const hostile = '<img src=x id=injected onerror="document.title=\'pwned\'"><b>bold?</b>';
    const { reportId, caseId } = await chatReport([['reported', hostile]], ['abusive_hateful']);
    await t.mongo.collection('evidence_items').updateOne({ reportId, seq: 0 }, { $set: { text: `${hostile} (edited)` } });
    const { page, problems } = await openConsole();
    await signIn(page, 'mod-console');
    // The queue's filters: another reason hides the case, its own reason and kind show it.
    await page.getByRole('button', { name: `Open case ${caseId}` }).waitFor();
    await page.getByRole('combobox', { name: 'Reason' }).selectOption({ label: 'Spam or advertising' });
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.getByRole('button', { name: `Open case ${caseId}` }).waitFor({ state: 'detached' });
    await page.getByRole('combobox', { name: 'Reason' }).selectOption({ label: 'Abusive or hateful language' });
    await page.getByRole('combobox', { name: 'Target kind' }).selectOption('chat_message');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.getByRole('button', { name: `Open case ${caseId}` }).click();
    await page.locator('#evidence-browser-check[data-state="mismatch"]').waitFor();
    expect(await page.locator('#evidence-server-check').getAttribute('data-state')).toBe('mismatch');
    expect(await page.locator('#evidence-server-check').textContent()).toContain('item altered');
    expect(await page.locator('.evidence-item .user-text').textContent()).toBe(`${hostile} (edited)`);
    expect(await page.locator('.evidence-item').getAttribute('data-digest-valid')).toBe('false');
    expect(await page.locator('#injected, .evidence-item b').count()).toBe(0);
    expect(await page.title()).not.toBe('pwned');
    expect(problems).toEqual([]);
    await page.close();
  });

  test('a token with neither the moderator nor the support role, or one the API refuses, does not sign in', async () => {
    const { page } = await openConsole();
    await page.getByRole('textbox', { name: 'Access token' }).fill(await tokenFor('app', 'backend-1'));
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').filter({ hasText: 'carries neither the moderator nor the support role' }).waitFor();
    const forged = (await tokenFor('moderator', 'mod-x')).replace(/\.[^.]+$/, '.c2lnbmF0dXJl');
    await page.getByRole('textbox', { name: 'Access token' }).fill(forged);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').filter({ hasText: 'The API refused the token' }).waitFor();
    expect(await page.locator('#workspace').isHidden()).toBe(true);
    expect(await page.locator('#support-workspace').isHidden()).toBe(true);
    expect(existsSync(SCREENSHOTS)).toBe(true);
    await page.close();
  });
});
