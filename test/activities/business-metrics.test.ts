import type { INestApplicationContext } from '@nestjs/common';
import { Registry } from 'prom-client';
import { createActivities } from '../../activities';
import { ReportStore } from '../../src/reports/report-store.service';
import { activityDepsFrom } from '../../src/worker/create-worker';
import { reportWorkflowId } from '../../workflows/definitions';
import { sampleSum } from '../support/prometheus';
import { startWorkerContext } from '../support/worker-context';

let ctx: Awaited<ReturnType<typeof startWorkerContext>>;
let app: INestApplicationContext;
let acts: ReturnType<typeof createActivities>;

beforeAll(async () => {
  ctx = await startWorkerContext('metrics');
  app = ctx.app;
  acts = createActivities(activityDepsFrom(app));
});

afterAll(async () => {
  await ctx?.close();
});

const metricsText = () => app.get(Registry).metrics();

/** A post report stored and its review opened, ready for a decision. */
async function reportInReview(name: string): Promise<string> {
  const reportId = `rpt_metrics_${name}`;
  await app.get(ReportStore).insert({
    _id: reportId,
    reporterId: `rep-${name}`,
    reportedUserId: `bad-${name}`,
    target: { kind: 'open_chat_post', id: `post-${name}` },
    reasons: ['spam_advertising'],
    policyCategories: ['spam'],
    status: 'received',
    workflowId: reportWorkflowId(reportId),
  });
  await acts.openReview({ reportId });
  return reportId;
}

test('a retried activity counts its fact once: SLA breach, decision, time to decision and tickets', async () => {
  const reportId = await reportInReview('1');
  for (let attempt = 0; attempt < 2; attempt++) {
    await acts.escalateOverdueReview({ reportId });
    await acts.recordDecision({ reportId, decision: { outcome: 'rejected', moderatorId: 'mod-1' } });
    await acts.notifyCustomerService({ reportId });
  }
  const text = await metricsText();
  expect(sampleSum(text, 'report_review_overdue_total')).toBe(1);
  expect(sampleSum(text, 'report_decisions_total', { outcome: 'rejected' })).toBe(1);
  expect(sampleSum(text, 'report_time_to_decision_seconds_count', { outcome: 'rejected' })).toBe(1);
  expect(sampleSum(text, 'cs_tickets_opened_total', { kind: 'review_overdue' })).toBe(1);
  expect(sampleSum(text, 'cs_tickets_opened_total', { kind: 'report_decided' })).toBe(1);
});

test('R3: a rejection marked false is counted once as false, also when its activity is retried', async () => {
  const reportId = await reportInReview('false');
  const before = sampleSum(await metricsText(), 'reports_marked_false_total');
  for (let attempt = 0; attempt < 2; attempt++) {
    await acts.recordDecision({ reportId, decision: { outcome: 'rejected', moderatorId: 'mod-1', falseReport: true } });
  }
  expect(sampleSum(await metricsText(), 'reports_marked_false_total') - before).toBe(1);
});
