import { WorkflowHandle, WorkflowNotFoundError } from '@temporalio/client';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import {
  Admission,
  Decision,
  ReportLifecycleInput,
  admissionUpdate,
  approveSignal,
  decideUpdate,
  pastReceivedUpdate,
  rejectSignal,
  statusQuery,
} from '../../workflows/definitions';
import { recordHistory } from '../support/record-history';
import { activityTypesOf, historyPayloadText } from '../support/history';
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
    // Judged by the API at filing (patch admission-at-filing); `admission: undefined` takes the older path.
    admission: { admitted: true, reporterId: 'alice', authorId: 'bob', checkedAt: '2026-01-01T00:00:00.000Z' },
    ...overrides,
  };
}

/** Runs `body` against a started report workflow served by a worker with fake activities. */
async function withReport<T>(
  body: (ctx: { handle: Awaited<ReturnType<typeof env.client.workflow.start>>; calls: string[] }) => Promise<T>,
  options: { admission?: Admission; caseDecision?: Decision; input?: Partial<ReportLifecycleInput>; record: string },
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
    const result = await body({ handle, calls });
    await recordBranch(options.record, handle);
    return result;
  });
}

/**
 * With RECORD_HISTORIES=1, saves the branch's history for the replay test (test/replay). The
 * suffix names the release the history comes from, so histories recorded before it keep their
 * names and content.
 */
const RECORDED_SINCE = '-approval-in-one-step';

function recordBranch(name: string, handle: WorkflowHandle): Promise<void> {
  return recordHistory(`${name}${RECORDED_SINCE}`, handle);
}

describe('report lifecycle workflow (time-skipping server)', () => {
  test('R4: a refused friend check (reports started before the check moved to filing) ends the report as refused, before any evidence or deletion', async () => {
    const refusal = { admitted: false, refusalCode: 'FRIEND_MESSAGE_NOT_REPORTABLE', refusalMessage: 'delete or block first' };
    await withReport(
      async ({ handle, calls }) => {
        expect(await handle.executeUpdate(admissionUpdate)).toEqual(refusal);
        expect(await handle.result()).toMatchObject({ status: 'refused', evidence: null });
        expect(calls).toEqual(['checkFriendship']);
        // The workflow has closed: a late decision finds nothing to decide.
        await expect(handle.executeUpdate(decideUpdate, { args: [{ outcome: 'approved', moderatorId: 'm' }] })).rejects.toThrow(WorkflowNotFoundError);
      },
      { admission: refusal, input: { admission: undefined }, record: 'refused' },
    );
  });

  test('R6: pastReceived (filing with Prefer: wait) answers awaiting_review once the evidence is stored and the room deleted, and at once when asked again', async () => {
    await withReport(
      async ({ handle, calls }) => {
        expect(await handle.executeUpdate(pastReceivedUpdate)).toEqual({ status: 'awaiting_review' });
        expect(calls).toEqual(['storeEvidence+deleteChatRoom+openReview']);
        expect(await handle.executeUpdate(pastReceivedUpdate)).toEqual({ status: 'awaiting_review' });
        await handle.executeUpdate(decideUpdate, { args: [{ outcome: 'rejected', moderatorId: 'mod-1' }] });
        expect(await handle.result()).toMatchObject({ status: 'rejected' });
      },
      { record: 'filed-with-wait' },
    );
  });

  test('R4, R6, R7, R9: approval records the admission judged at filing, stores evidence and deletes the room in one step (opening the review), then blocks, sanctions the account and notifies CS in one step', async () => {
    await withReport(async ({ handle, calls }) => {
      expect(await handle.executeUpdate(admissionUpdate)).toMatchObject({ admitted: true, checkedAt: '2026-01-01T00:00:00.000Z' });
      const decided = await handle.executeUpdate(decideUpdate, { args: [{ outcome: 'approved', moderatorId: 'mod-1' }] });
      expect(decided.status).toBe('approved');
      expect(await handle.result()).toMatchObject({ status: 'approved', evidence: { itemCount: 2 } });
      expect(calls).toEqual(['storeEvidence+deleteChatRoom+openReview', 'recordDecision:approved', 'applyApproval']);
      const history = await handle.fetchHistory();
      // One patch marker: the latest patch implies every earlier one, which it no longer asks for.
      const patches = history.events?.filter((e) => e.markerRecordedEventAttributes?.markerName === 'core_patch') ?? [];
      expect(patches).toHaveLength(1);
      expect(historyPayloadText({ events: patches })).toContain('approval-in-one-step');
      // Every step ran as a local activity (a marker each) but the one after the decision: an
      // activity task, so the task that records the decision closes and the moderator has the
      // answer without waiting for the block, the sanction and the notice. One timer: the review
      // deadline (the decision cancels it), none to close the task.
      expect(activityTypesOf(history)).toEqual(['storeEvidence', 'recordDecision', 'applyApproval']);
      expect(history.events?.flatMap((e) => e.activityTaskScheduledEventAttributes?.activityType?.name ?? [])).toEqual(['applyApproval']);
      expect(history.events?.filter((e) => e.timerStartedEventAttributes)).toHaveLength(1);
      // Four workflow tasks, a marker per local step, one patch, the two updates, one activity: 58 events with activities only.
      expect(history.events?.length).toBeLessThanOrEqual(29);
    }, { record: 'approved' });
  });

  test('R4: a report started without an admission (before the check moved to filing) runs the friend check as an activity', async () => {
    await withReport(async ({ handle, calls }) => {
      expect(await handle.executeUpdate(admissionUpdate)).toEqual({ admitted: true });
      await handle.executeUpdate(decideUpdate, { args: [{ outcome: 'approved', moderatorId: 'mod-1' }] });
      await handle.result();
      expect(calls).toEqual([
        'checkFriendship',
        'storeEvidence',
        'deleteChatRoom+openReview',
        'recordDecision:approved',
        'applyAutoBlock',
        'sanctionReportedUser',
        'notifyCustomerService',
      ]);
    }, { input: { admission: undefined }, record: 'admitted-by-activity' });
  });

  test('rejection notifies CS and applies no block', async () => {
    await withReport(async ({ handle, calls }) => {
      const decided = await handle.executeUpdate(decideUpdate, { args: [{ outcome: 'rejected', moderatorId: 'mod-1', falseReport: true }] });
      expect(decided.status).toBe('rejected');
      await handle.result();
      expect(calls).toContain('notifyCustomerService');
      expect(calls).not.toContain('applyApproval');
      expect(calls).not.toContain('applyAutoBlock');
      expect(calls).not.toContain('sanctionReportedUser');
      // R3: rejected as a false report, so it counts against the reporter.
      expect(calls).toContain('recordFalseReport');
    }, { record: 'rejected' });
  });

  test('an Open Chat post report keeps evidence but deletes no chat room', async () => {
    await withReport(
      async ({ handle, calls }) => {
        await handle.executeUpdate(decideUpdate, { args: [{ outcome: 'approved', moderatorId: 'mod-1' }] });
        await handle.result();
        // No room to delete: storing the evidence opens the review.
        expect(calls).toEqual(['storeEvidence+openReview', 'recordDecision:approved', 'applyApproval']);
      },
      { input: { target: { kind: 'open_chat_post', id: 'post-1' }, chatId: undefined }, record: 'open-chat-post' },
    );
  });

  test('a missed review deadline escalates to CS once and keeps waiting; approval afterwards still applies', async () => {
    await withReport(async ({ handle, calls }) => {
      await handle.executeUpdate(admissionUpdate);
      await env.sleep('73h');
      const state = await handle.query(statusQuery);
      expect(state).toMatchObject({ status: 'awaiting_review', reviewOverdue: true });
      expect(calls.filter((c) => c === 'escalateOverdueReview')).toHaveLength(1);
      await handle.executeUpdate(decideUpdate, { args: [{ outcome: 'approved', moderatorId: 'mod-1' }] });
      expect(await handle.result()).toMatchObject({ status: 'approved' });
      expect(calls).toContain('applyApproval');
    }, { record: 'overdue-then-approved' });
  });

  test('a report nobody reviews within the maximum wait expires, and then refuses decisions', async () => {
    await withReport(async ({ handle, calls }) => {
      await handle.executeUpdate(admissionUpdate);
      await env.sleep('31d');
      expect(await handle.result()).toMatchObject({ status: 'expired' });
      expect(calls).toEqual(['storeEvidence+deleteChatRoom+openReview', 'escalateOverdueReview', 'expireReport']);
      await expect(handle.executeUpdate(decideUpdate, { args: [{ outcome: 'approved', moderatorId: 'm' }] })).rejects.toThrow(WorkflowNotFoundError);
    }, { record: 'expired' });
  });

  test('a second decision is refused with REPORT_ALREADY_DECIDED and changes nothing', async () => {
    await withReport(async ({ handle, calls }) => {
      await handle.executeUpdate(admissionUpdate);
      await handle.signal(approveSignal, { moderatorId: 'mod-1' });
      const second = handle.executeUpdate(decideUpdate, { args: [{ outcome: 'rejected', moderatorId: 'mod-2' }] });
      expect(await refusalOf(second)).toBe('REPORT_ALREADY_DECIDED');
      expect(await handle.result()).toMatchObject({ status: 'approved' });
      // Only the first decision is ever recorded. (A decision landing while the last steps run can
      // make them run again with their workflow task: local activities, safe to run twice.)
      expect([...new Set(calls.filter((c) => c.startsWith('recordDecision')))]).toEqual(['recordDecision:approved']);
    }, { record: 'duplicate-decision' });
  });

  test('signals from the CLI decide too; a later conflicting signal is ignored', async () => {
    await withReport(async ({ handle, calls }) => {
      await handle.executeUpdate(admissionUpdate);
      await handle.signal(rejectSignal, { moderatorId: 'support-1', note: 'not a violation' });
      await handle.signal(approveSignal, { moderatorId: 'mod-2' });
      expect(await handle.result()).toMatchObject({ status: 'rejected' });
      expect(calls).not.toContain('applyApproval');
      expect(calls).not.toContain('recordFalseReport');
    }, { record: 'signals' });
  });

  test('a malformed decision is refused without deciding', async () => {
    await withReport(async ({ handle }) => {
      await handle.executeUpdate(admissionUpdate);
      const bad = handle.executeUpdate(decideUpdate, { args: [{ outcome: 'approved', moderatorId: '' }] });
      expect(await refusalOf(bad)).toBe('INVALID_DECISION');
      expect((await handle.query(statusQuery)).decision).toBeNull();
      await handle.terminate('test done');
    }, { record: 'invalid-decision' });
  });

  test('a report on a case already decided takes the case decision at once, without a moderator', async () => {
    const caseDecision: Decision = { outcome: 'approved', moderatorId: 'mod-1', caseDecisionId: 'case-open_chat_post-post-1:000000' };
    await withReport(
      async ({ handle, calls }) => {
        expect(await handle.result()).toMatchObject({ status: 'approved' });
        expect(calls).toEqual(['storeEvidence+openReview', 'recordDecision:approved', 'applyApproval']);
        expect((await handle.query(statusQuery)).decision).toMatchObject({ outcome: 'approved', caseDecisionId: caseDecision.caseDecisionId });
      },
      { caseDecision, input: { target: { kind: 'open_chat_post', id: 'post-1' }, chatId: undefined }, record: 'case-decision-inherited' },
    );
  });

  test('R6: a chat message on a case already rejected learns it from the step that deletes the room and opens the review', async () => {
    const caseDecision: Decision = { outcome: 'rejected', moderatorId: 'mod-1', caseDecisionId: 'case-chat_message-msg-1:000001' };
    await withReport(
      async ({ handle, calls }) => {
        expect(await handle.result()).toMatchObject({ status: 'rejected', evidence: { itemCount: 2 } });
        expect(calls).toEqual(['storeEvidence+deleteChatRoom+openReview', 'recordDecision:rejected', 'notifyCustomerService']);
      },
      { caseDecision, record: 'case-decision-inherited-chat' },
    );
  });
});

describe('case decision workflow (time-skipping server)', () => {
  test('R7: one case decision reaches every open report workflow; reports decided alone and closed ones are skipped', async () => {
    const taskQueue = `wf-${randomUUID()}`;
    const [first, second] = [input({ target: { kind: 'open_chat_post', id: 'post-9' } }), input({ target: { kind: 'open_chat_post', id: 'post-9' } })];
    const gone = `r${randomUUID().slice(0, 8)}`;
    const { activities, calls } = fakeActivities({ openReports: [first.reportId, second.reportId, gone] });
    const worker = await Worker.create({ connection: env.nativeConnection, taskQueue, activities, workflowBundle: { codePath: testServers().workflowBundlePath } });
    await worker.runUntil(async () => {
      const [a, b] = await Promise.all(
        [first, second].map((args) => env.client.workflow.start('reportLifecycleWorkflow', { taskQueue, workflowId: `report-${args.reportId}`, args: [args] })),
      );
      await Promise.all([a, b].map((h) => h.executeUpdate(admissionUpdate)));
      await b.executeUpdate(decideUpdate, { args: [{ outcome: 'rejected', moderatorId: 'mod-2' }] });
      expect(await b.result()).toMatchObject({ status: 'rejected' });
      const decisionId = 'case-open_chat_post-post-9:000001';
      const fanOut = await env.client.workflow.start('caseDecisionWorkflow', {
        taskQueue,
        workflowId: caseDecisionWorkflowId(decisionId),
        args: [{ caseId: 'case-open_chat_post-post-9', decisionId, decision: { outcome: 'approved', moderatorId: 'mod-1' } }],
      });
      expect(await fanOut.result()).toEqual({
        caseId: 'case-open_chat_post-post-9',
        decisionId,
        delivered: [first.reportId],
        closed: [second.reportId, gone],
      });
      expect(await a.result()).toMatchObject({ status: 'approved' });
      expect((await a.query(statusQuery)).decision).toMatchObject({ moderatorId: 'mod-1', caseDecisionId: decisionId });
      expect(calls.filter((c) => c === 'applyApproval')).toHaveLength(1);
      await recordBranch('case-decision-fan-out', fanOut);
    });
  });
});
