import { WorkflowClient } from '@temporalio/client';
import { MongoClient } from 'mongodb';
import { Api, fileReport } from '../lib/api';
import { seedChats } from '../lib/seed';
import { Percentiles, percentiles, runPool, timed } from '../lib/stats';
import { BASELINE_TASK_QUEUE, baselineWorkflow, proceedSignal } from '../baseline/baseline.workflow';

export interface PairedLatency {
  fileReport: Percentiles;
  rawStart: Percentiles;
  approve: Percentiles;
  rawSignal: Percentiles;
}

/**
 * The API's calls next to the raw Temporal calls under the same load: each of `c` clients
 * files a report and starts a bare workflow back to back, later approves the report and
 * signals the workflow back to back (which goes first alternates), so that both sides of each
 * ratio wait on the same busy machine. The throughput parts sample them apart: filing while
 * lifecycles run, raw starts while only bare workflows do.
 */
export async function pairedLatency(api: Api, mongo: MongoClient, workflows: WorkflowClient, runId: string, n: number, c: number): Promise<PairedLatency> {
  const chats = await seedChats(mongo, `${runId}-p`, n);
  const samples = { fileReport: [] as number[], rawStart: [] as number[], approve: [] as number[], rawSignal: [] as number[] };
  const inTurn = async (first: boolean, a: () => Promise<unknown>, b: () => Promise<unknown>) => (first ? (await a(), await b()) : (await b(), await a()));
  await runPool(n, c, async (i) => {
    const id = `paired-${runId}-${i}`;
    let filed!: { reportId: string; workflowId: string };
    await inTurn(
      i % 2 === 0,
      async () => (filed = await timed(samples.fileReport, () => fileReport(api, chats[i].reporterId, chats[i].messageId))),
      () => timed(samples.rawStart, () => workflows.start(baselineWorkflow, { workflowId: id, taskQueue: BASELINE_TASK_QUEUE, args: [id] })),
    );
    await api.awaitStatus(filed.reportId, 'awaiting_review');
    await inTurn(
      i % 2 === 1,
      () => timed(samples.approve, () => api.post(`/v1/reports/${filed.reportId}/approve`, {}, 200)),
      () => timed(samples.rawSignal, () => workflows.getHandle(id).signal(proceedSignal)),
    );
    await Promise.all([workflows.getHandle(id).result(), workflows.getHandle(filed.workflowId).result()]);
  });
  return {
    fileReport: percentiles(samples.fileReport),
    rawStart: percentiles(samples.rawStart),
    approve: percentiles(samples.approve),
    rawSignal: percentiles(samples.rawSignal),
  };
}
