import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { bearer } from '../support/auth';
import { ConsoleRun, missingAccessibilityBasics, openConsole, signInAs, startConsoleRun } from '../support/console-page';

/**
 * The staff screens of the console (tickets, lifts, appeals, account history, reopen) in real
 * headless Chromium against the real API, worker, Temporal and FerretDB. Every outcome asserted
 * on the page is also read back from the API.
 */
const SCREENSHOTS = join(__dirname, '..', '..', 'test-output', 'staff-console');

let run: ConsoleRun;
beforeAll(async () => {
  run = await startConsoleRun('staff_console', SCREENSHOTS);
});

afterAll(() => run?.close());

/** A post by `author` reported by a new user, its case approved by `moderatorId`, with its follow-up (sanction, CS ticket) done. */
async function approvedPost(author: string, reasons: string[], moderatorId: string) {
  const reporter = await run.platform.user('rep');
  const postId = await run.platform.post(author, `post ${Math.random()}`);
  const filed = await run.platform.fileReport(reporter, 'open_chat_post', postId, reasons).expect(202);
  const reportId: string = filed.body.reportId;
  await run.platform.awaitStatus(reportId, 'awaiting_review');
  const caseId = `case-open_chat_post-${postId}`;
  await run.t
    .http()
    .post(`/v1/moderation/cases/${caseId}/approve`)
    .set('Authorization', await bearer('moderator', moderatorId))
    .send({})
    .expect(202);
  await run.platform.awaitStep(reportId, 'cs_notified');
  return { reporter, postId, reportId, caseId };
}

const restrictionsOf = async (userId: string) => (await run.t.http().get(`/v1/users/${userId}/restrictions`).expect(200)).body;
const ticketOf = async (reportId: string) => (await run.t.http().get(`/v1/cs/tickets?reportId=${reportId}`).expect(200)).body.items[0];

async function shoot(page: Page, name: string): Promise<void> {
  const path = join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  expect(readFileSync(path).subarray(1, 4).toString()).toBe('PNG');
}

describe('staff console', () => {
  test('R9: support opens a ticket, resolves it with a 7-day restriction that appears on the account, then lifts it', async () => {
    const author = await run.platform.user('author');
    const { reportId } = await approvedPost(author, ['spam_advertising'], 'mod-a');
    const ticket = await ticketOf(reportId);

    // Support staff who are the reported person: the API's conflict code is shown, nothing is resolved.
    const own = await openConsole(run.browser, run.baseUrl);
    await signInAs(own.page, 'support', author);
    await own.page.getByRole('button', { name: `Open ticket ${ticket.ticketId}` }).click();
    await own.page.getByRole('combobox', { name: 'Measure' }).selectOption('restriction');
    await own.page.getByRole('button', { name: 'Resolve ticket' }).click();
    await own.page.getByRole('alert').filter({ hasText: 'STAFF_CONFLICT_OF_INTEREST' }).waitFor();
    expect((await run.t.http().get(`/v1/cs/tickets/${ticket.ticketId}`).expect(200)).body.status).toBe('open');
    await own.page.close();

    const { page, problems } = await openConsole(run.browser, run.baseUrl);
    await signInAs(page, 'support', 'cs-console');
    await page.getByRole('button', { name: `Open ticket ${ticket.ticketId}` }).click();
    await page.getByRole('heading', { name: `Ticket ${ticket.ticketId}` }).waitFor();
    expect(await page.locator('#ticket-status').getAttribute('data-status')).toBe('open');
    // The approval's own sanction (a first spam violation: a warning) is listed, with nothing to lift.
    const sanctions = page.locator('#sanction-list > li');
    await sanctions.first().waitFor();
    expect(await sanctions.evaluateAll((items) => items.map((li) => li.getAttribute('data-status')))).toEqual(['on_record']);
    expect(await page.getByRole('button', { name: /^Lift sanction/ }).count()).toBe(0);
    expect(await missingAccessibilityBasics(page)).toEqual([]);

    await page.getByRole('combobox', { name: 'Measure' }).selectOption('restriction');
    await page.getByRole('spinbutton', { name: 'Days (1 to 180)' }).fill('7');
    await page.getByRole('textbox', { name: 'Note for the record' }).fill('repeated spam');
    await page.getByRole('button', { name: 'Resolve ticket' }).click();
    await page.locator('#ticket-status[data-status="resolved"]').waitFor();
    expect(await page.locator('#ticket-resolution').textContent()).toContain('7-day restriction');
    expect(await page.getByRole('status').textContent()).toContain(`Ticket ${ticket.ticketId} resolved: 7-day restriction`);

    // The API: resolved once, and the measure became a 7-day restriction in force on the account.
    const resolved = (await run.t.http().get(`/v1/cs/tickets/${ticket.ticketId}`).expect(200)).body;
    expect(resolved).toMatchObject({ status: 'resolved', resolution: { measure: 'restriction', days: 7 } });
    const sanctionId: string = resolved.resolution.sanctionId;
    const before = await restrictionsOf(author);
    expect(before.restricted).toBe(true);
    expect(before.active).toEqual(expect.arrayContaining([expect.objectContaining({ sanctionId, status: 'active', measure: 'restriction', days: 7 })]));
    const restriction = page.locator(`#sanction-list > li[data-sanction-id="${sanctionId}"]`);
    expect(await restriction.getAttribute('data-status')).toBe('active');
    expect(await restriction.textContent()).toContain('7-day restriction');
    expect(await page.locator('#restricted-now').textContent()).toContain('Restricted now');
    // Resolved, the ticket leaves the open work list.
    await page.locator(`#ticket-rows tr[data-ticket-id="${ticket.ticketId}"]`).waitFor({ state: 'detached' });
    await shoot(page, 'support-ticket-resolved');

    await page.getByRole('textbox', { name: 'Note for a lift' }).fill('context shows a misunderstanding');
    await page.getByRole('button', { name: `Lift sanction ${sanctionId}` }).click();
    await page.locator(`#sanction-list > li[data-sanction-id="${sanctionId}"][data-status="lifted"]`).waitFor();
    expect(await page.getByRole('status').textContent()).toContain(`Sanction ${sanctionId} is now lifted`);
    expect(await page.locator('#restricted-now').textContent()).toContain('Not restricted now');
    const after = await restrictionsOf(author);
    expect(after.restricted).toBe(false);
    expect(after.past).toEqual([expect.objectContaining({ sanctionId, status: 'lifted' })]);
    await shoot(page, 'support-sanction-lifted');
    expect(problems).toEqual([]);
    await page.close();
  }, 120_000);

  test('R9: an appeal is refused to the moderator who approved, and another moderator upholds it: the sanction is overturned', async () => {
    const author = await run.platform.user('author');
    await approvedPost(author, ['violent_threatening'], 'mod-a');
    const [sanction] = (await restrictionsOf(author)).active;
    expect(sanction).toMatchObject({ status: 'active', measure: 'restriction' });
    const filed = await run.t
      .http()
      .post(`/v1/users/${author}/restrictions/${sanction.sanctionId}/appeal`)
      .send({ statement: 'It was a <b>quote</b> from a film.' })
      .expect(201);
    const appealId: string = filed.body.appealId;

    const first = await openConsole(run.browser, run.baseUrl);
    await signInAs(first.page, 'moderator', 'mod-a');
    const mine = first.page.locator(`#appeal-list > li[data-appeal-id="${appealId}"]`);
    expect(await mine.locator('.user-text').textContent()).toBe('It was a <b>quote</b> from a film.');
    await mine.getByRole('button', { name: 'Uphold (overturn the sanction)' }).click();
    await first.page.getByRole('alert').filter({ hasText: 'APPEAL_NEEDS_ANOTHER_MODERATOR' }).waitFor();
    expect(await mine.getAttribute('data-status')).toBe('pending');
    await first.page.close();

    const { page, problems } = await openConsole(run.browser, run.baseUrl);
    await signInAs(page, 'moderator', 'mod-b');
    const item = page.locator(`#appeal-list > li[data-appeal-id="${appealId}"]`);
    await item.getByRole('textbox', { name: 'Note for the record' }).fill('a quote, not a threat');
    await item.getByRole('button', { name: 'Uphold (overturn the sanction)' }).click();
    await item.locator('.appeal-outcome[data-outcome="upheld"]').waitFor();
    expect(await item.locator('.appeal-outcome').textContent()).toContain(`sanction ${sanction.sanctionId} is now overturned`);
    expect(await item.locator('.appeal-sanction').textContent()).toContain('(overturned)');
    await shoot(page, 'moderator-appeal-upheld');

    const after = await restrictionsOf(author);
    expect(after.restricted).toBe(false);
    expect(after.past).toEqual([
      expect.objectContaining({ sanctionId: sanction.sanctionId, status: 'overturned', appeal: expect.objectContaining({ status: 'upheld' }) }),
    ]);
    // Listed again under "Upheld", with its outcome and no decision form.
    await page.getByRole('combobox', { name: 'Status' }).selectOption('upheld');
    await page.getByRole('button', { name: 'Show appeals' }).click();
    await page.locator(`#appeal-list > li[data-appeal-id="${appealId}"][data-status="upheld"] .appeal-outcome`).waitFor();
    expect(await page.locator('#appeal-list form').count()).toBe(0);
    expect(problems).toEqual([]);
    await page.close();
  }, 120_000);

  test('R9, R3: the case view summarises the account beside the evidence; its history lists the approved report and sanction; reopening sends new reports to the queue', async () => {
    const author = await run.platform.user('author');
    const earlier = await approvedPost(author, ['abusive_hateful'], 'mod-a');
    const [warning] = (await restrictionsOf(author)).active;
    const laterPost = await run.platform.post(author, 'another one');
    const later = await run.platform.fileReport(await run.platform.user('rep'), 'open_chat_post', laterPost, ['abusive_hateful']).expect(202);
    await run.platform.awaitStatus(later.body.reportId, 'awaiting_review');

    const { page, problems } = await openConsole(run.browser, run.baseUrl);
    await signInAs(page, 'moderator', 'mod-c');
    await page
      .locator('#queue-rows')
      .getByRole('button', { name: `Open case case-open_chat_post-${laterPost}` })
      .click();
    const summary = page.locator('#account-summary');
    await summary.getByRole('heading', { name: `History of ${author}` }).waitFor();
    expect(await summary.textContent()).toContain('2: 1 approved, 0 rejected (0 false), 0 expired, 1 open');
    expect(await summary.textContent()).toContain('1 active, 0 past');
    // Beside the evidence: the summary sits in the case, before the evidence section.
    expect(await page.locator('#case-body > #account-summary + #evidence').count()).toBe(1);

    await summary.getByRole('button', { name: `Full history of ${author}` }).click();
    await page.getByRole('heading', { name: `Account ${author}` }).waitFor();
    const approvedRow = page.locator(`#history-approved tr[data-report-id="${earlier.reportId}"]`);
    expect(await approvedRow.getAttribute('data-status')).toBe('approved');
    expect(await approvedRow.textContent()).toContain(earlier.reporter);
    expect(await page.locator(`#history-open tr[data-report-id="${later.body.reportId}"]`).count()).toBe(1);
    const sanctionItem = page.locator(`#history-sanctions-active li[data-sanction-id="${warning.sanctionId}"]`);
    expect(await sanctionItem.textContent()).toContain('warning');
    expect(await page.locator('#history-timeline li[data-kind="sanction_issued"]').count()).toBe(1);
    expect(await missingAccessibilityBasics(page)).toEqual([]);
    await shoot(page, 'moderator-account-history');

    // The reporter of the earlier case, signed in as a moderator, may not reopen it: the API's code is shown.
    const reporterPage = await openConsole(run.browser, run.baseUrl);
    await signInAs(reporterPage.page, 'moderator', earlier.reporter);
    await reporterPage.page.getByRole('textbox', { name: 'Account id' }).fill(author);
    await reporterPage.page.getByRole('button', { name: 'Show history' }).click();
    await reporterPage.page
      .locator('#history-body')
      .getByRole('button', { name: `Open case ${earlier.caseId}` })
      .click();
    await reporterPage.page.getByRole('button', { name: 'Reopen this case' }).click();
    await reporterPage.page.getByRole('alert').filter({ hasText: 'MODERATOR_CONFLICT_OF_INTEREST' }).waitFor();
    expect((await run.t.http().get(`/v1/moderation/cases/${earlier.caseId}`).expect(200)).body.state).toBe('decided');
    await reporterPage.page.close();

    await page
      .locator('#history-body')
      .getByRole('button', { name: `Open case ${earlier.caseId}` })
      .click();
    await page.getByRole('heading', { name: `Case ${earlier.caseId}` }).waitFor();
    expect(await page.locator('#case-status').getAttribute('data-status')).toBe('approved');
    // R3: beside each report, how its reporter's reports ended (this one: filed once, approved).
    expect(await page.locator(`#case-body li[data-report-id="${earlier.reportId}"]`).textContent()).toContain('reporter: 1 filed, 100% approved');
    await page.getByRole('button', { name: 'Reopen this case' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `Case ${earlier.caseId} reopened` })
      .waitFor();
    expect(await page.locator('#case-status').getAttribute('data-status')).toBe('reopened');
    expect(await page.getByRole('button', { name: 'Reopen this case' }).count()).toBe(0);
    expect((await run.t.http().get(`/v1/moderation/cases/${earlier.caseId}`).expect(200)).body).toMatchObject({
      state: 'open',
      reopenedAt: expect.any(String),
    });

    // A new report on the reopened target waits for review instead of taking the old decision.
    const fresh = await run.platform.fileReport(await run.platform.user('rep'), 'open_chat_post', earlier.postId, ['abusive_hateful']).expect(202);
    await run.platform.awaitStatus(fresh.body.reportId, 'awaiting_review');
    await page.getByRole('button', { name: 'Refresh' }).click();
    const row = page.locator(`#queue-rows tr[data-case-id="${earlier.caseId}"]`);
    await row.waitFor();
    expect(await row.textContent()).toContain('reopened');
    await shoot(page, 'moderator-case-reopened');
    expect(problems).toEqual([]);
    await page.close();
  }, 120_000);
});
