import { Client, Connection } from '@temporalio/client';
import { Db, MongoClient } from 'mongodb';
import { reportWorkflowId } from '../../workflows/definitions';
import { sanctionWorkflowId } from '../../workflows/sanction-definitions';
import { chatDeletionId } from '../../src/chats/schemas/chat.schema';
import type { BlockEvent } from '../../src/users/schemas/block.schema';
import { blockStateOf } from '../../src/users/block-state';
import { FoundReport, Violation, checkReport } from './invariants';
import type { PlannedReport, SentContent } from './workload';

type Doc = Record<string, unknown>;

/**
 * Reads, straight from Mongo and Temporal, everything each planned report left behind (found
 * by its fresh reporter and author, not by what the report says about itself) and checks it
 * against the plan.
 */
export async function verify(mongoUrl: string, temporalAddress: string, plans: PlannedReport[]): Promise<Violation[]> {
  const mongo = await MongoClient.connect(mongoUrl);
  const connection = await Connection.connect({ address: temporalAddress });
  try {
    const db = mongo.db();
    const client = new Client({ connection });
    const violations: Violation[] = [];
    for (const plan of plans) violations.push(...checkReport(plan, await find(db, client, plan)));
    return violations;
  } finally {
    await connection.close();
    await mongo.close();
  }
}

async function find(db: Db, client: Client, plan: PlannedReport): Promise<FoundReport> {
  const reports = await db.collection<Doc>('reports').find({ reporterId: plan.reporterId }).toArray();
  const reportId = reports.length === 1 ? String(reports[0]._id) : undefined;
  const notices = async (userId: string) => (await db.collection<Doc>('user_notices').find({ userId }).toArray()).map((n) => String(n.kind));
  const sanctions = (await db.collection<Doc>('sanctions').find({ userId: plan.authorId }).toArray()).map((s) => ({
    sanctionId: String(s._id),
    measure: String(s.measure),
  }));
  const sanctionWorkflows: Record<string, string[]> = {};
  for (const s of sanctions) sanctionWorkflows[s.sanctionId] = await executions(client, sanctionWorkflowId(s.sanctionId));
  const blockEvents = (await db
    .collection<Doc>('block_events')
    .find({ blockerId: plan.reporterId, blockedUserId: plan.authorId })
    .sort({ seq: 1 })
    .toArray()) as unknown as BlockEvent[];
  const deletedForReporter = plan.chatId
    ? await db.collection<Doc>('chat_deletions').countDocuments({ _id: chatDeletionId(plan.chatId, plan.reporterId) as never })
    : 0;
  return {
    reports: reports.map((r) => ({ reportId: String(r._id), status: String(r.status), steps: Object.keys((r.timeline as Doc | undefined) ?? {}) })),
    evidence: reportId ? await evidenceOf(db, reportId) : [],
    sourceTimes: await sourceTimes(db, plan.content),
    tickets: reportId
      ? (await db.collection<Doc>('cs_tickets').find({ reportId }).toArray()).map((t) => ({
          kind: String(t.kind),
          outcome: (t.decision as { outcome?: string } | undefined)?.outcome,
        }))
      : [],
    blockActivations: blockEvents.filter((e) => e.type === 'auto_blocked' || e.type === 'blocked').length,
    blockActive: blockStateOf(blockEvents).active,
    chatDeletedForReporter: deletedForReporter,
    reporterNotices: await notices(plan.reporterId),
    authorNotices: await notices(plan.authorId),
    sanctions,
    workflows: reportId ? await executions(client, reportWorkflowId(reportId)) : [],
    activities: reportId ? await scheduledActivities(client, reportWorkflowId(reportId)) : [],
    sanctionWorkflows,
  };
}

async function evidenceOf(db: Db, reportId: string): Promise<FoundReport['evidence']> {
  const items = await db.collection<Doc>('evidence_items').find({ reportId }).sort({ seq: 1 }).toArray();
  return items.map((i) => ({
    seq: Number(i.seq),
    sourceKind: i.sourceKind as SentContent['sourceKind'],
    sourceId: String(i.sourceId),
    authorId: String(i.authorId),
    text: String(i.text),
    createdAt: new Date(i.createdAt as Date),
    digest: String(i.digest),
  }));
}

/** When each created message, post or comment was stored, read from its own collection. */
async function sourceTimes(db: Db, content: SentContent[]): Promise<Record<string, Date>> {
  const times: Record<string, Date> = {};
  for (const c of content) {
    const [collection, field] =
      c.sourceKind === 'chat_message' ? ['messages', 'sentAt'] : c.sourceKind === 'open_chat_post' ? ['posts', 'createdAt'] : ['comments', 'createdAt'];
    const doc = await db.collection<Doc>(collection).findOne({ _id: c.sourceId as never });
    if (doc?.[field]) times[c.sourceId] = new Date(doc[field] as Date);
  }
  return times;
}

/** Every execution (run) under the workflow id, by status: a second start would show as a second entry. */
async function executions(client: Client, workflowId: string): Promise<string[]> {
  const statuses: string[] = [];
  for await (const wf of client.workflow.list({ query: `WorkflowId="${workflowId}"` })) statuses.push(wf.status.name);
  return statuses;
}

/** The activity types the history scheduled, one entry per scheduling (a retry is not a new one; a repeated step is). */
async function scheduledActivities(client: Client, workflowId: string): Promise<string[]> {
  const history = await client.workflow.getHandle(workflowId).fetchHistory();
  return (history.events ?? []).flatMap((e) =>
    e.activityTaskScheduledEventAttributes?.activityType?.name ? [e.activityTaskScheduledEventAttributes.activityType.name] : [],
  );
}
