import { Client, Connection } from '@temporalio/client';
import { MongoClient } from 'mongodb';
import type { PlannedReport } from './workload';

export interface Tally {
  [check: string]: { expected: number; found: number };
}

/** Counts, straight from Mongo and Temporal, what every report left behind. */
export async function verify(
  mongoUrl: string,
  temporalAddress: string,
  taskQueue: string,
  allPlans: PlannedReport[],
  filed: Array<string | null>,
): Promise<Tally> {
  // Refused filings (R4, friends) answered 409 and left no report: only the others are counted.
  const plans = new Map(filed.flatMap((id, i) => (id === null ? [] : [[id, allPlans[i]] as const])));
  const mongo = await MongoClient.connect(mongoUrl);
  const db = mongo.db();
  const tally: Tally = {};
  const add = (check: string, expected: number, found: number) => {
    tally[check] ??= { expected: 0, found: 0 };
    tally[check].expected += expected;
    tally[check].found += found;
  };
  try {
    add('reports stored', plans.size, await db.collection('reports').countDocuments());
    const refusedReporters = allPlans.filter((p) => p.friends).map((p) => p.reporterId);
    add('reports stored for refused filings (R4)', 0, await db.collection('reports').countDocuments({ reporterId: { $in: refusedReporters } }));
    for (const [reportId, plan] of plans) {
      const report = await db.collection<{ _id: string; status: string }>('reports').findOne({ _id: reportId });
      const expectedStatus = plan.decision === 'approve' ? 'approved' : 'rejected';
      add(`final: ${expectedStatus}`, 1, report?.status === expectedStatus ? 1 : 0);
      const set = await db.collection<{ _id: string; itemCount: number }>('evidence_sets').findOne({ _id: reportId });
      add('evidence sets', 1, set ? 1 : 0);
      add('evidence items (= itemCount)', set?.itemCount ?? 0, await db.collection('evidence_items').countDocuments({ reportId }));
      if (plan.chatId) {
        const chat = await db.collection<{ _id: string; deletedFor?: string[] }>('chats').findOne({ _id: plan.chatId });
        add('chat rooms deleted for reporter', 1, (chat?.deletedFor ?? []).filter((u) => u === plan.reporterId).length);
      }
      const block = await db
        .collection<{ _id: string; events?: Array<{ reportId?: string }> }>('blocks')
        .findOne({ _id: `${plan.reporterId}:${plan.authorId}` });
      const blockEvents = (block?.events ?? []).filter((e) => e.reportId === reportId).length;
      add('auto-blocks', expectedStatus === 'approved' ? 1 : 0, blockEvents);
      add('CS tickets', 1, await db.collection('cs_tickets').countDocuments({ reportId, kind: 'report_decided' }));
    }
  } finally {
    await mongo.close();
  }
  const connection = await Connection.connect({ address: temporalAddress });
  try {
    const client = new Client({ connection });
    const approvals = [...plans.values()].filter((plan) => plan.decision === 'approve').length;
    const statuses = async (type: string) => {
      const byStatus: Record<string, number> = {};
      for await (const wf of client.workflow.list({ query: `TaskQueue="${taskQueue}" AND WorkflowType="${type}"` })) {
        byStatus[wf.status.name] = (byStatus[wf.status.name] ?? 0) + 1;
      }
      return byStatus;
    };
    const reports = await statuses('reportLifecycleWorkflow');
    add('workflows completed', plans.size, reports.COMPLETED ?? 0);
    add('workflows running, failed or stuck', 0, Object.values(reports).reduce((a, b) => a + b, 0) - (reports.COMPLETED ?? 0));
    // R9: each approval sanctions the reported account; its workflow stays open for appeals.
    const sanctions = await statuses('sanctionWorkflow');
    add('sanction workflows (one per approval)', approvals, (sanctions.RUNNING ?? 0) + (sanctions.COMPLETED ?? 0));
    add('sanction workflows failed', 0, Object.values(sanctions).reduce((a, b) => a + b, 0) - (sanctions.RUNNING ?? 0) - (sanctions.COMPLETED ?? 0));
  } finally {
    await connection.close();
  }
  return tally;
}
