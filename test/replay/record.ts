import type { temporal } from '@temporalio/proto';
import { historyToJSON } from '@temporalio/common/lib/proto-utils';
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { homedir, hostname, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { decideUpdate } from '../../workflows/definitions';
import { noticeDeliveryWorkflowId } from '../../workflows/notice-delivery.definitions';
import { bearer, TEST_JWT_SECRET } from '../support/auth';
import { NoticeReceiver } from '../support/notice-receiver';
import { Platform } from '../support/platform-fixtures';
import { eventually } from '../support/test-app';
import { TestServers, testServers } from '../support/test-env';
import { HISTORIES_DIR, readManifest, sha256, testOnlyPayloadKeys, writeManifest } from './history-files';
import { RECORDER_IDENTITY, RecordingApp, startRecordingApp } from './recording-app';

/**
 * The recorder of the replay guard (`npm run record:histories`; jest runs this file only through
 * that script): one history per scenario of the current code, from the real API, worker and
 * activities on the run's Temporal dev server and FerretDB. It never overwrites a recorded
 * history: a history is evidence of what the code did, and replacing it must be a visible,
 * deliberate deletion in review. Record one new scenario with `npm run record:histories -- -t <name>`.
 */

const REPO_ROOT = join(__dirname, '..', '..');
const WEBHOOK_SECRET = 'notice-webhook-secret-for-recording';
const MINUTE = 60_000;

let servers: TestServers;

beforeAll(() => {
  servers = testServers();
});

interface ScenarioOptions {
  /** The one scenario recorded with payload encryption on (the checked-in test-only key). */
  encrypted?: boolean;
  /** Settings of this scenario's API and worker; a function when they are known only once the suite runs. */
  env?: Record<string, string> | (() => Record<string, string>);
  timeoutMs?: number;
}

/** Records the history of the workflow `run` returns the id of, once that workflow has closed. */
function scenario(name: string, options: ScenarioOptions, run: (app: RecordingApp, platform: Platform) => Promise<string>): void {
  test(
    name,
    async () => {
      const file = `${name}.json`;
      const path = join(HISTORIES_DIR, file);
      if (existsSync(path)) {
        throw new Error(
          `test/replay/histories/${file} exists and is never overwritten. To re-record it, delete it on purpose first ` +
            `(git rm test/replay/histories/${file}), then run: npm run record:histories -- -t '${name}'`,
        );
      }
      const keys = options.encrypted ? testOnlyPayloadKeys().keys : [];
      const env = typeof options.env === 'function' ? options.env() : (options.env ?? {});
      const app = await startRecordingApp(servers, name, keys, env);
      try {
        const workflowId = await run(app, new Platform(app));
        const handle = app.temporal.workflow.getHandle(workflowId);
        await handle.result();
        const json = publishable(await handle.fetchHistory());
        await mkdir(HISTORIES_DIR, { recursive: true });
        await writeFile(path, json + '\n', { flag: 'wx' });
        const manifest = await readManifest();
        manifest[file] = sha256(json + '\n');
        await writeManifest(manifest);
      } finally {
        await app.close();
      }
    },
    options.timeoutMs ?? 2 * MINUTE,
  );
}

/**
 * The history as JSON fit to check in: source paths relative to the repository (failure stack
 * traces name files), identities without the recording machine's name, and refused outright if
 * any path of this machine or a secret is still in it (payloads included, decoded).
 */
function publishable(history: temporal.api.history.v1.IHistory): string {
  const hostIdentity = new RegExp(`"\\d+@${hostname().replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"`, 'g');
  const json = historyToJSON(history).split(`${REPO_ROOT}/`).join('').replace(hostIdentity, JSON.stringify(RECORDER_IDENTITY));
  const payloadTexts: string[] = [];
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === 'object') {
      const record = value as Record<string, unknown>;
      if (typeof record.data === 'string' && record.metadata) payloadTexts.push(Buffer.from(record.data, 'base64').toString('utf8'));
      Object.values(record).forEach(walk);
    }
  };
  walk(JSON.parse(json));
  const forbidden = [REPO_ROOT, dirname(servers.workflowBundlePath), `${tmpdir()}/`, `${homedir()}/`, `@${hostname()}"`, TEST_JWT_SECRET, WEBHOOK_SECRET];
  forbidden.push(...testOnlyPayloadKeys().keys.map((k) => k.key.toString('base64')));
  for (const text of [json, ...payloadTexts]) {
    const found = forbidden.find((needle) => text.includes(needle));
    if (found) throw new Error(`The history contains "${found}" (a path of this machine or a secret): not written`);
  }
  return json;
}

async function postReport(platform: Platform, reasons: string[], author?: string) {
  const postId = await platform.post(author ?? (await platform.user('author')), 'buy cheap followers at example.test');
  const filed = await platform.fileReport(await platform.user('rep'), 'open_chat_post', postId, reasons).expect(202);
  const report = await platform.awaitStatus(filed.body.reportId, 'awaiting_review');
  return { postId, reportId: filed.body.reportId as string, workflowId: report.workflowId as string };
}

async function approve(app: RecordingApp, reportId: string, body: Record<string, unknown> = {}) {
  await app.http().post(`/v1/reports/${reportId}/approve`).send(body).expect(200);
}

/** An approved Open Chat post by a fresh author; answers the sanction that approval placed. */
async function sanctionedAuthor(app: RecordingApp, platform: Platform, reasons: string[]) {
  const author = await platform.user('author');
  const { reportId } = await postReport(platform, reasons, author);
  await approve(app, reportId);
  await platform.awaitStep(reportId, 'sanctioned');
  const [sanction] = (await app.http().get(`/v1/users/${author}/restrictions`).expect(200)).body.active;
  return { author, sanctionId: sanction.sanctionId as string, workflowId: `sanction-${sanction.sanctionId}` };
}

async function appeal(app: RecordingApp, author: string, sanctionId: string): Promise<string> {
  return (await app.http().post(`/v1/users/${author}/restrictions/${sanctionId}/appeal`).send({ statement: 'It was a film quote.' }).expect(201)).body.appealId;
}

async function decideAppeal(app: RecordingApp, appealId: string, outcome: 'uphold' | 'deny') {
  await app
    .http()
    .post(`/v1/moderation/appeals/${appealId}/decide`)
    .set('Authorization', await bearer('moderator', 'mod-2'))
    .send({ outcome })
    .expect(200);
}

describe('report lifecycle', () => {
  scenario('approved-chat-message', {}, async (app, platform) => {
    const { reportId, workflowId } = await platform.chatReport();
    await approve(app, reportId, { note: 'clear threat' });
    return workflowId;
  });

  scenario('approved-open-chat-post', {}, async (app, platform) => {
    const { reportId, workflowId } = await postReport(platform, ['spam_advertising']);
    await approve(app, reportId);
    return workflowId;
  });

  scenario('approved-comment-encrypted', { encrypted: true }, async (app, platform) => {
    const reporter = await platform.user('rep');
    const postId = await platform.post(reporter, 'my hiking photos');
    const commentId = await platform.comment(postId, await platform.user('author'), 'here is her home address: ...');
    const filed = await platform.fileReport(reporter, 'open_chat_comment', commentId, ['personal_information']).expect(202);
    const report = await platform.awaitStatus(filed.body.reportId, 'awaiting_review');
    await approve(app, filed.body.reportId);
    return report.workflowId;
  });

  scenario('approved-escalated', {}, async (app, platform) => {
    const { reportId, workflowId } = await postReport(platform, ['spam_advertising']);
    await approve(app, reportId, { escalate: true, note: 'repeat offender, CS to follow up' });
    return workflowId;
  });

  scenario('rejected', {}, async (app, platform) => {
    const { reportId, workflowId } = await platform.chatReport(['spam_advertising']);
    await app.http().post(`/v1/reports/${reportId}/reject`).send({ note: 'no violation' }).expect(200);
    return workflowId;
  });

  scenario('rejected-false-report', {}, async (app, platform) => {
    const { reportId, workflowId } = await postReport(platform, ['abusive_hateful']);
    await app.http().post(`/v1/reports/${reportId}/reject`).send({ falseReport: true }).expect(200);
    return workflowId;
  });

  scenario('decided-by-signal', {}, async (app, platform) => {
    const { workflowId } = await platform.chatReport();
    const handle = app.temporal.workflow.getHandle(workflowId);
    await handle.signal('approve', { moderatorId: 'support-1' });
    // A later, conflicting decision: the first one wins and this one is ignored.
    await handle.signal('reject', { moderatorId: 'support-2' });
    return workflowId;
  });

  scenario('second-decision-refused', {}, async (app, platform) => {
    const { reportId, workflowId } = await platform.chatReport();
    await approve(app, reportId);
    const again = await app.http().post(`/v1/reports/${reportId}/reject`).send({}).expect(409);
    expect(again.body.code).toBe('REPORT_ALREADY_DECIDED');
    return workflowId;
  });

  scenario('invalid-decision-then-approved', {}, async (app, platform) => {
    const { reportId, workflowId } = await platform.chatReport();
    const handle = app.temporal.workflow.getHandle(workflowId);
    // A malformed signal is recorded and ignored; a malformed update is refused by its validator.
    await handle.signal('approve', { moderatorId: '' });
    const refused = await handle.executeUpdate(decideUpdate, { args: [{ outcome: 'approved' } as never] }).catch((error: Error) => error);
    expect(JSON.stringify((refused as Error & { cause?: unknown }).cause ?? refused)).toContain('INVALID_DECISION');
    await approve(app, reportId);
    return workflowId;
  });

  scenario('overdue-then-approved', { env: { REVIEW_DEADLINE: '1s', MAX_REVIEW_WAIT: '1h' } }, async (app, platform) => {
    const { reportId, workflowId } = await platform.chatReport();
    await platform.awaitStep(reportId, 'review_overdue');
    await approve(app, reportId);
    return workflowId;
  });

  scenario('expired', { env: { REVIEW_DEADLINE: '1s', MAX_REVIEW_WAIT: '3s' } }, async (_app, platform) => {
    const { reportId, workflowId } = await platform.chatReport();
    await platform.awaitStatus(reportId, 'expired');
    return workflowId;
  });

  scenario('filed-with-wait', {}, async (app, platform) => {
    const reporter = await platform.user('rep');
    const stranger = await platform.user('stranger');
    const chatId = await platform.chat(reporter, stranger);
    const messageId = await platform.message(chatId, stranger, 'pay up or else');
    const filed = await platform.fileReportWaiting(10, reporter, 'chat_message', messageId).expect(202);
    expect(filed.body.status).toBe('awaiting_review');
    await approve(app, filed.body.reportId);
    return filed.body.workflowId;
  });
});

describe('case decisions', () => {
  scenario('case-decision-fan-out', {}, async (app, platform) => {
    const { postId, reportId } = await postReport(platform, ['spam_advertising']);
    const second = await platform.fileReport(await platform.user('rep'), 'open_chat_post', postId, ['fraud_scam']).expect(202);
    await platform.awaitStatus(second.body.reportId, 'awaiting_review');
    const decided = await app.http().post(`/v1/moderation/cases/case-open_chat_post-${postId}/approve`).send({ policy: 'spam', note: 'bot farm' }).expect(202);
    expect(decided.body.openReports).toBe(2);
    await platform.awaitStep(reportId, 'cs_notified');
    await platform.awaitStep(second.body.reportId, 'cs_notified');
    return decided.body.workflowId;
  });

  scenario('case-decision-inherited', {}, async (app, platform) => {
    const { postId } = await postReport(platform, ['spam_advertising']);
    const decided = await app.http().post(`/v1/moderation/cases/case-open_chat_post-${postId}/approve`).send({}).expect(202);
    // Filed once the decision's fan-out is over, so the decision reaches the report through its
    // review opening (the case's standing decision), not through a fan-out signal.
    await app.temporal.workflow.getHandle(decided.body.workflowId).result();
    const late = await platform.fileReport(await platform.user('rep'), 'open_chat_post', postId, ['spam_advertising']).expect(202);
    const report = await platform.awaitStep(late.body.reportId, 'cs_notified');
    expect(report.decision.caseDecisionId).toBeDefined();
    return report.workflowId;
  });
});

describe('sanction workflow', () => {
  scenario('sanction-overturned', {}, async (app, platform) => {
    const { author, sanctionId, workflowId } = await sanctionedAuthor(app, platform, ['violent_threatening']);
    await decideAppeal(app, await appeal(app, author, sanctionId), 'uphold');
    return workflowId;
  });

  scenario('sanction-lifted-then-overturned', {}, async (app, platform) => {
    const { author, sanctionId, workflowId } = await sanctionedAuthor(app, platform, ['violent_threatening']);
    await app
      .http()
      .post(`/v1/cs/sanctions/${sanctionId}/lift`)
      .set('Authorization', await bearer('support', 'cs-1'))
      .send({ note: 'context shows a quote' })
      .expect(200);
    await decideAppeal(app, await appeal(app, author, sanctionId), 'uphold');
    return workflowId;
  });

  // The workflow looks for a pending appeal only a minute after the window closes (its grace).
  scenario('sanction-appeal-denied-after-window', { env: { APPEAL_WINDOW: '5s' }, timeoutMs: 4 * MINUTE }, async (app, platform) => {
    const { author, sanctionId, workflowId } = await sanctionedAuthor(app, platform, ['spam_advertising']);
    const appealId = await appeal(app, author, sanctionId);
    const handle = app.temporal.workflow.getHandle(workflowId);
    // Waiting on the pending appeal: the appeal window's timer, then the recheck timer.
    await eventually(
      async () => (await handle.fetchHistory()).events ?? [],
      (events) => events.filter((e) => e.timerStartedEventAttributes).length >= 2,
      3 * MINUTE,
    );
    await decideAppeal(app, appealId, 'deny');
    return workflowId;
  });
});

describe('notice delivery workflow', () => {
  const accepting = new NoticeReceiver(WEBHOOK_SECRET, 1);
  const refusing = new NoticeReceiver(WEBHOOK_SECRET, Number.POSITIVE_INFINITY);
  const urls: Record<string, string> = {};

  beforeAll(async () => {
    urls.accepting = await accepting.start();
    urls.refusing = await refusing.start();
  });

  afterAll(async () => {
    await accepting.stop();
    await refusing.stop();
  });

  const webhook = (url: () => string, maxAttempts: number) => () => ({
    NOTICE_WEBHOOK_URL: url(),
    NOTICE_WEBHOOK_SECRET: WEBHOOK_SECRET,
    NOTICE_DELIVERY_MAX_ATTEMPTS: String(maxAttempts),
    NOTICE_DELIVERY_BACKOFF: '200ms',
    NOTICE_DELIVERY_MAX_BACKOFF: '1s',
  });

  // The reporter's receipt (DSA Art. 16(4)), refused once by the receiver, then delivered.
  scenario('notice-delivered', { env: webhook(() => urls.accepting, 3) }, async (_app, platform) => {
    const { reportId } = await postReport(platform, ['spam_advertising']);
    return noticeDeliveryWorkflowId(`report_received-${reportId}`);
  });

  scenario('notice-given-up', { env: webhook(() => urls.refusing, 2) }, async (_app, platform) => {
    const { reportId } = await postReport(platform, ['spam_advertising']);
    return noticeDeliveryWorkflowId(`report_received-${reportId}`);
  });
});
