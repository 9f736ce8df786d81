import { Client, Connection } from '@temporalio/client';
import { MongoClient } from 'mongodb';
import type { PlannedReport } from './workload';

export interface Tally {
  [check: string]: { expected: number; found: number };
}

/** Counts, straight from Mongo and Temporal, what every report left behind. */
export async function verify(mongoUrl: string, temporalAddress: string, taskQueue: string, plans: Map<string, PlannedReport>): Promise<Tally> {
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
    for (const [reportId, plan] of plans) {
      const report = await db.collection('reports').findOne({ _id: reportId as never });
      const expectedStatus = plan.friends ? 'refused' : plan.decision === 'approve' ? 'approved' : 'rejected';
      add(`final: ${expectedStatus}`, 1, report?.status === expectedStatus ? 1 : 0);
      const admitted = plan.friends ? 0 : 1;
      const set = await db.collection('evidence_sets').findOne({ _id: reportId as never });
      add('evidence sets', admitted, set ? 1 : 0);
      add('evidence items (= itemCount)', set?.itemCount ?? 0, await db.collection('evidence_items').countDocuments({ reportId }));
      if (plan.chatId) {
        const chat = await db.collection('chats').findOne({ _id: plan.chatId as never });
        add('chat rooms deleted for reporter', admitted, (chat?.deletedFor ?? []).filter((u: string) => u === plan.reporterId).length);
      }
      const block = await db.collection('blocks').findOne({ _id: `${plan.reporterId}:${plan.authorId}` as never });
      const blockEvents = (block?.events ?? []).filter((e: { reportId?: string }) => e.reportId === reportId).length;
      add('auto-blocks', expectedStatus === 'approved' ? 1 : 0, blockEvents);
      add('CS tickets', admitted, await db.collection('cs_tickets').countDocuments({ reportId, kind: 'report_decided' }));
    }
  } finally {
    await mongo.close();
  }
  const connection = await Connection.connect({ address: temporalAddress });
  try {
    const client = new Client({ connection });
    let completed = 0;
    let other = 0;
    for await (const wf of client.workflow.list({ query: `TaskQueue="${taskQueue}"` })) {
      if (wf.status.name === 'COMPLETED') completed++;
      else other++;
    }
    add('workflows completed', plans.size, completed);
    add('workflows running, failed or stuck', 0, other);
  } finally {
    await connection.close();
  }
  return tally;
}
