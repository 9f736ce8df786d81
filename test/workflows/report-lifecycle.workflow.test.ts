import { WorkflowNotFoundError } from '@temporalio/client';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { randomUUID } from 'node:crypto';
import { Decision, ReportLifecycleInput, approveSignal, decideUpdate, pastReceivedUpdate, rejectSignal, statusQuery } from '../../workflows/definitions';
import { activitySummariesOf } from '../support/history';
import { testServers } from '../support/test-env';
import { caseDecisionWorkflowId } from '../../workflows/case-decision.workflow';
import { fakeActivities } from './fake-activities';
import { refusalOf } from './update-refusal';

const HOUR = 3_600_000;
// temporal.api.enums.v1.IndexedValueType
const INDEXED_KEYWORD = 2;
const INDEXED_KEYWORD_LIST = 7;
const DAY = 24 * HOUR;

let env: TestWorkflowEnvironment;

beforeAll(async () => {
  env = await TestWorkflowEnvironment.createTimeSkipping({
    server: { executable: { type: 'existing-path', path: testServers().timeSkippingServerPath } },
  });
  // The workflow upserts ReportStatus; the test server, like a real one, refuses unknown attributes.
  await env.connection.operatorService.addSearchAttributes({
    namespace: env.namespace ?? 'default',
    searchAttributes: { ReportStatus: INDEXED_KEYWORD, ReportTargetKind: INDEXED_KEYWORD, ReportReasons: INDEXED_KEYWORD_LIST },
  });
});

afterAll(async () => {
  await env?.teardown();
});

function input(overrides: Partial<ReportLifecycleInput> = {}): ReportLifecycleInput {
  return {
    reportId: `r${randomUUID().slice(0, 8)}`,
    reporterId: 'alice',
    reportedUserId: 'bob',
    target: { kind: 'chat_message', id: 'msg-1' },
    chatId: 'chat-1',
    reasons: ['violent_threatening'],
    reviewDeadlineMs: 72 * HOUR,
    maxReviewWaitMs: 30 * DAY,
    // R4 is judged by the API at filing; the workflow only carries the judgement.
    admission: { admitted: true, reporterId: 'alice', authorId: 'bob', checkedAt: '2026-01-01T00:00:00.000Z' },
    ...overrides,
  };
}

/** Runs `body` against a started report workflow served by a worker with fake activities. */
async function withReport<T>(
  body: (ctx: { handle: Awaited<ReturnType<typeof env.client.workflow.start>>; calls: string[] }) => Promise<T>,
  options: { caseDecision?: Decision; input?: Partial<ReportLifecycleInput> } = {},
): Promise<T> {
  const taskQueue = `wf-${randomUUID()}`;
  const { activities, calls } = fakeActivities(options);
  const worker = await Worker.create({
    connection: env.nativeConnection,
    taskQueue,
    activities,
    workflowBundle: { codePath: testServers().workflowBundlePath },
  });
  const args = input(options.input);
  return worker.runUntil(async () => {
    const handle = await env.client.workflow.start('reportLifecycleWorkflow', {
      taskQueue,
      workflowId: `report-${args.reportId}`,
      args: [args],
    });
    return body({ handle, calls });
  });
}

const approve = { outcome: 'approved', moderatorId: 'mod-1' } as const;

describe('report lifecycle workflow (time-skipping server)', () => {
  test('R6, R7, R9, R10: an approved 1:1 message runs every step as an activity, in order, each with a summary naming its rule', async () => {
    await withReport(async ({ handle, calls }) => {
      expect(await handle.executeUpdate(pastReceivedUpdate)).toEqual({ status: 'awaiting_review' });
      const decided = await handle.executeUpdate(decideUpdate, { args: [approve] });
      expect(decided).toEqual({ reportId: expect.any(String), status: 'approved' });
      expect(await handle.result()).toMatchObject({ status: 'approved', evidence: { itemCount: 2 } });
      // R6: the evidence is stored before the room is deleted for the reporter.
      expect(calls).toEqual([
        'storeEvidence',
        'deleteChatRoom',
        'openReview',
        'recordDecision:approved',
        'blockReportedUser',
        'sanctionReportedAccount',
        'notifyCustomerService',
      ]);
      const history = await handle.fetchHistory();
      // What support staff read in the Temporal Web UI: every step under its summary.
      expect(activitySummariesOf(history)).toEqual([
        { activity: 'storeEvidence', summary: 'Store evidence (R6)' },
        { activity: 'deleteChatRoom', summary: 'Delete chat room for reporter (R6)' },
        { activity: 'openReview', summary: 'Open moderator review' },
        { activity: 'recordDecision', summary: 'Record decision (R10)' },
        { activity: 'blockReportedUser', summary: 'Auto-block (R7)' },
        { activity: 'sanctionReportedAccount', summary: 'Sanction reported account (R9)' },
        { activity: 'notifyCustomerService', summary: 'Follow-up notice to customer service (R9)' },
      ]);
      // No version markers: nothing is deployed that the code must stay compatible with.
      expect(history.events?.filter((e) => e.markerRecordedEventAttributes)).toEqual([]);
    });
  });

  test('R4: the friend check judged at filing travels in the input and the status query; the workflow does not judge it again', async () => {
    await withReport(async ({ handle, calls }) => {
      await handle.executeUpdate(pastReceivedUpdate);
      expect((await handle.query(statusQuery)).admission).toEqual({
        admitted: true,
        reporterId: 'alice',
        authorId: 'bob',
        checkedAt: '2026-01-01T00:00:00.000Z',
      });
      expect(calls).toEqual(['storeEvidence', 'deleteChatRoom', 'openReview']);
      await handle.terminate('test done');
    });
  });

  test('R6: pastReceived (filing with Prefer: wait) answers awaiting_review once the evidence is stored and the room deleted, and at once when asked again', async () => {
    await withReport(async ({ handle, calls }) => {
      expect(await handle.executeUpdate(pastReceivedUpdate)).toEqual({ status: 'awaiting_review' });
      expect(calls).toEqual(['storeEvidence', 'deleteChatRoom', 'openReview']);
      expect(await handle.executeUpdate(pastReceivedUpdate)).toEqual({ status: 'awaiting_review' });
      await handle.executeUpdate(decideUpdate, { args: [{ outcome: 'rejected', moderatorId: 'mod-1' }] });
      expect(await handle.result()).toMatchObject({ status: 'rejected' });
    });
  });

  test('R3, R9: a rejection marked false strikes the reporter and notifies CS, with no block or sanction', async () => {
    await withReport(async ({ handle, calls }) => {
      const decided = await handle.executeUpdate(decideUpdate, { args: [{ outcome: 'rejected', moderatorId: 'mod-1', falseReport: true }] });
      expect(decided.status).toBe('rejected');
      await handle.result();
      expect(calls.slice(3)).toEqual(['recordDecision:rejected', 'recordFalseReport', 'notifyCustomerService']);
      const summaries = activitySummariesOf(await handle.fetchHistory()).map((s) => s.summary);
      expect(summaries).toContain('Strike against the reporter (R3)');
    });
  });

  test('R9: a plain rejection notifies CS and strikes nobody', async () => {
    await withReport(async ({ handle, calls }) => {
      await handle.executeUpdate(decideUpdate, { args: [{ outcome: 'rejected', moderatorId: 'mod-1' }] });
      await handle.result();
      expect(calls.slice(3)).toEqual(['recordDecision:rejected', 'notifyCustomerService']);
    });
  });

  test('R6, R10: an approved Open Chat post keeps evidence, deletes no chat room, and is taken down right after the sanction', async () => {
    await withReport(
      async ({ handle, calls }) => {
        await handle.executeUpdate(decideUpdate, { args: [approve] });
        await handle.result();
        expect(calls).toEqual([
          'storeEvidence',
          'openReview',
          'recordDecision:approved',
          'blockReportedUser',
          'sanctionReportedAccount',
          'takeDownReportedContent',
          'notifyCustomerService',
        ]);
        const summaries = activitySummariesOf(await handle.fetchHistory());
        expect(summaries).toContainEqual({ activity: 'takeDownReportedContent', summary: 'Take down reported content (R10)' });
      },
      { input: { target: { kind: 'open_chat_post', id: 'post-1' }, chatId: undefined } },
    );
  });

  test('R9: a missed review deadline escalates to CS once and keeps waiting; approval afterwards still applies', async () => {
    await withReport(async ({ handle, calls }) => {
      await handle.executeUpdate(pastReceivedUpdate);
      await env.sleep('73h');
      expect(await handle.query(statusQuery)).toMatchObject({ status: 'awaiting_review', reviewOverdue: true });
      expect(calls.filter((c) => c === 'escalateOverdueReview')).toHaveLength(1);
      await handle.executeUpdate(decideUpdate, { args: [approve] });
      expect(await handle.result()).toMatchObject({ status: 'approved' });
      expect(calls).toContain('blockReportedUser');
    });
  });

  test('a report nobody reviews within the maximum wait expires, and then refuses decisions', async () => {
    await withReport(async ({ handle, calls }) => {
      await handle.executeUpdate(pastReceivedUpdate);
      await env.sleep('31d');
      expect(await handle.result()).toMatchObject({ status: 'expired' });
      expect(calls).toEqual(['storeEvidence', 'deleteChatRoom', 'openReview', 'escalateOverdueReview', 'expireReport']);
      await expect(handle.executeUpdate(decideUpdate, { args: [approve] })).rejects.toThrow(WorkflowNotFoundError);
    });
  });

  test('a second decision is refused with REPORT_ALREADY_DECIDED and changes nothing', async () => {
    await withReport(async ({ handle, calls }) => {
      await handle.executeUpdate(pastReceivedUpdate);
      await handle.signal(approveSignal, { moderatorId: 'mod-1' });
      const second = handle.executeUpdate(decideUpdate, { args: [{ outcome: 'rejected', moderatorId: 'mod-2' }] });
      expect(await refusalOf(second)).toBe('REPORT_ALREADY_DECIDED');
      expect(await handle.result()).toMatchObject({ status: 'approved' });
      expect(calls.filter((c) => c.startsWith('recordDecision'))).toEqual(['recordDecision:approved']);
    });
  });

  test('signals from the CLI decide too; a later conflicting signal is ignored', async () => {
    await withReport(async ({ handle, calls }) => {
      await handle.executeUpdate(pastReceivedUpdate);
      await handle.signal(rejectSignal, { moderatorId: 'support-1', note: 'not a violation' });
      await handle.signal(approveSignal, { moderatorId: 'mod-2' });
      expect(await handle.result()).toMatchObject({ status: 'rejected' });
      expect(calls).not.toContain('blockReportedUser');
      expect(calls).not.toContain('recordFalseReport');
    });
  });

  test('a malformed decision is refused without deciding', async () => {
    await withReport(async ({ handle }) => {
      await handle.executeUpdate(pastReceivedUpdate);
      const bad = handle.executeUpdate(decideUpdate, { args: [{ outcome: 'approved', moderatorId: '' }] });
      expect(await refusalOf(bad)).toBe('INVALID_DECISION');
      expect((await handle.query(statusQuery)).decision).toBeNull();
      await handle.terminate('test done');
    });
  });

  test('a report on a case already decided takes the case decision at once, without a moderator', async () => {
    const caseDecision: Decision = { outcome: 'approved', moderatorId: 'mod-1', caseDecisionId: 'case-open_chat_post-post-1:000000' };
    await withReport(
      async ({ handle, calls }) => {
        expect(await handle.result()).toMatchObject({ status: 'approved' });
        expect(calls.slice(0, 3)).toEqual(['storeEvidence', 'openReview', 'recordDecision:approved']);
        expect((await handle.query(statusQuery)).decision).toMatchObject({ outcome: 'approved', caseDecisionId: caseDecision.caseDecisionId });
      },
      { caseDecision, input: { target: { kind: 'open_chat_post', id: 'post-1' }, chatId: undefined } },
    );
  });

  test('R6: a chat message on a case already rejected keeps its evidence and deletes the room before taking the decision', async () => {
    const caseDecision: Decision = { outcome: 'rejected', moderatorId: 'mod-1', caseDecisionId: 'case-chat_message-msg-1:000001' };
    await withReport(
      async ({ handle, calls }) => {
        expect(await handle.result()).toMatchObject({ status: 'rejected', evidence: { itemCount: 2 } });
        expect(calls).toEqual(['storeEvidence', 'deleteChatRoom', 'openReview', 'recordDecision:rejected', 'notifyCustomerService']);
      },
      { caseDecision },
    );
  });
});

describe('case decision workflow (time-skipping server)', () => {
  test('R7: one case decision reaches every open report workflow; reports decided alone and closed ones are skipped', async () => {
    const taskQueue = `wf-${randomUUID()}`;
    const [first, second] = [input({ target: { kind: 'open_chat_post', id: 'post-9' } }), input({ target: { kind: 'open_chat_post', id: 'post-9' } })];
    const gone = `r${randomUUID().slice(0, 8)}`;
    const { activities, calls } = fakeActivities({ openReports: [first.reportId, second.reportId, gone] });
    const worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue,
      activities,
      workflowBundle: { codePath: testServers().workflowBundlePath },
    });
    await worker.runUntil(async () => {
      const [a, b] = await Promise.all(
        [first, second].map((args) => env.client.workflow.start('reportLifecycleWorkflow', { taskQueue, workflowId: `report-${args.reportId}`, args: [args] })),
      );
      await Promise.all([a, b].map((h) => h.executeUpdate(pastReceivedUpdate)));
      await b.executeUpdate(decideUpdate, { args: [{ outcome: 'rejected', moderatorId: 'mod-2' }] });
      expect(await b.result()).toMatchObject({ status: 'rejected' });
      const decisionId = 'case-open_chat_post-post-9:000001';
      const fanOut = await env.client.workflow.start('caseDecisionWorkflow', {
        taskQueue,
        workflowId: caseDecisionWorkflowId(decisionId),
        args: [{ caseId: 'case-open_chat_post-post-9', decisionId, decision: approve }],
      });
      expect(await fanOut.result()).toEqual({
        caseId: 'case-open_chat_post-post-9',
        decisionId,
        delivered: [first.reportId],
        closed: [second.reportId, gone],
      });
      expect(await a.result()).toMatchObject({ status: 'approved' });
      expect((await a.query(statusQuery)).decision).toMatchObject({ moderatorId: 'mod-1', caseDecisionId: decisionId });
      expect(calls.filter((c) => c === 'blockReportedUser')).toHaveLength(1);
    });
  });
});
