import { WorkflowClient } from '@temporalio/client';
import { MongoClient } from 'mongodb';
import { Api, fileReport } from '../lib/api';
import { seedChats } from '../lib/seed';
import { Percentiles, percentiles, runPool, timed } from '../lib/stats';
import { approve, sameShapeStartOptions } from '../baseline/same-shape';
import { START_ONCE } from '../../src/temporal/workflow-starts.service';
import { reportWorkflowId } from '../../workflows/definitions';

export interface PairedLatency {
  /** From sending `POST /v1/reports` to the workflow's start as Temporal recorded it (its start time). */
  filingToStart: Percentiles;
  /** From sending a raw `workflow.start` of the same workflow to its recorded start time. */
  rawStart: Percentiles;
  /** The POST's own answer time (it answers once the report is stored, before the start). */
  fileAnswer: Percentiles;
  /**
   * From the POST's answer (the report stored) to the recorded start: what follows the store.
   * Negative when the start was recorded before the answer reached the client.
   */
  answerToStart: Percentiles;
  /** The raw start call's answer time. */
  rawStartAnswer: Percentiles;
  approve: Percentiles;
  /** The raw `decide` update, as the API's approval sends it. */
  rawDecide: Percentiles;
}

/**
 * The API's calls next to the raw Temporal calls under the same load: each of `c` clients files
 * a report and starts the product's workflow on the yardstick's queue back to back, later
 * approves the report and sends the raw decide update back to back (which goes first
 * alternates). Start times come from Temporal (describe), on the same machine's clock as the
 * client's.
 */
export async function pairedLatency(api: Api, mongo: MongoClient, workflows: WorkflowClient, runId: string, n: number, c: number): Promise<PairedLatency> {
  const chats = await seedChats(mongo, `${runId}-p`, n);
  const s = {
    filingToStart: [] as number[],
    rawStart: [] as number[],
    fileAnswer: [] as number[],
    answerToStart: [] as number[],
    rawStartAnswer: [] as number[],
    approve: [] as number[],
    rawDecide: [] as number[],
  };
  const inTurn = async (first: boolean, a: () => Promise<unknown>, b: () => Promise<unknown>) => (first ? (await a(), await b()) : (await b(), await a()));
  const startedAt = async (workflowId: string) => (await workflows.getHandle(workflowId).describe()).startTime.getTime();
  await runPool(n, c, async (i) => {
    const rawId = reportWorkflowId(`rpt_paired${runId}${i}`);
    let filed!: { reportId: string; workflowId: string };
    let [filedAt, answeredAt, rawAt] = [0, 0, 0];
    await inTurn(
      i % 2 === 0,
      async () => {
        filedAt = Date.now();
        filed = await timed(s.fileAnswer, () => fileReport(api, chats[i].reporterId, chats[i].messageId));
        answeredAt = Date.now();
      },
      async () => {
        rawAt = Date.now();
        await timed(s.rawStartAnswer, () => workflows.start('reportLifecycleWorkflow', { ...sameShapeStartOptions(`rpt_paired${runId}${i}`), ...START_ONCE }));
      },
    );
    await api.awaitStatus(filed.reportId, 'awaiting_review');
    const filedStart = await startedAt(filed.workflowId);
    s.filingToStart.push(filedStart - filedAt);
    s.answerToStart.push(filedStart - answeredAt);
    s.rawStart.push((await startedAt(rawId)) - rawAt);
    await inTurn(
      i % 2 === 1,
      () => timed(s.approve, () => api.post(`/v1/reports/${filed.reportId}/approve`, {}, 200)),
      () => timed(s.rawDecide, () => approve(workflows, rawId)),
    );
    await Promise.all([workflows.getHandle(rawId).result(), workflows.getHandle(filed.workflowId).result()]);
  });
  return {
    filingToStart: percentiles(s.filingToStart),
    rawStart: percentiles(s.rawStart),
    fileAnswer: percentiles(s.fileAnswer),
    answerToStart: percentiles(s.answerToStart),
    rawStartAnswer: percentiles(s.rawStartAnswer),
    approve: percentiles(s.approve),
    rawDecide: percentiles(s.rawDecide),
  };
}
