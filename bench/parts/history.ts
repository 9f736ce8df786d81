import { WorkflowClient } from '@temporalio/client';
import { temporal } from '@temporalio/proto';
import { MongoClient } from 'mongodb';
import { Api, chatThroughApi, fileReport } from '../lib/api';
import { FILING_WAIT_SECONDS } from './lifecycle';
import { ActionCount, billableActions, sumActions } from '../lib/temporal-actions';
import { contentSanctionId } from '../../src/sanctions/sanctions.service';
import { sanctionWorkflowId } from '../../workflows/sanction-definitions';
import { messageIdAt } from '../../src/chats/schemas/message.schema';

export interface HistoryCost {
  messages: number;
  events: number;
  bytes: number;
  /** Temporal Cloud billable actions: the report's workflow, and the sanction workflow its step started (so far: its start and first timer). */
  actions: { report: ActionCount; sanction: ActionCount; total: ActionCount };
}

/**
 * One full lifecycle on a conversation of `messages` messages; what its workflow history costs.
 * Beyond the first few, messages go straight into the database: only their number matters here.
 */
export async function historyCost(api: Api, workflows: WorkflowClient, mongo: MongoClient, runId: string, messages: number): Promise<HistoryCost> {
  const extra = messages - Math.min(messages, 10);
  const chat = await chatThroughApi(api, `${runId}-h${messages}`, Math.min(messages, 10), (chatId, members) =>
    insertOlderMessages(mongo, chatId, members, extra),
  );
  // Filed as the lifecycle part files, held until the review opened: its update is in the history too.
  const filed = await fileReport(api, chat.reporterId, chat.messageId, FILING_WAIT_SECONDS);
  if (filed.status !== 'awaiting_review') await api.awaitStatus(filed.reportId, 'awaiting_review');
  await api.post(`/v1/reports/${filed.reportId}/approve`, {}, 200);
  const handle = workflows.getHandle(filed.workflowId);
  await handle.result();
  const history = await handle.fetchHistory();
  const report = billableActions(history);
  const sanctionId = contentSanctionId(chat.reportedId, { kind: 'chat_message', id: chat.messageId });
  const sanction = billableActions(await workflows.getHandle(sanctionWorkflowId(sanctionId)).fetchHistory());
  return {
    messages,
    events: history.events?.length ?? 0,
    bytes: temporal.api.history.v1.History.encode(history).finish().length,
    actions: { report, sanction, total: sumActions([report, sanction]) },
  };
}

/** `count` messages at the chat's first positions, sent before the API's, so the reported one stays the latest. */
export async function insertOlderMessages(mongo: MongoClient, chatId: string, members: string[], count: number): Promise<void> {
  const collection = mongo.db().collection<{ _id: string }>('messages');
  const base = Date.now() - count * 1000 - 60_000;
  for (let start = 0; start < count; start += 1000) {
    const batch = Array.from({ length: Math.min(1000, count - start) }, (_, k) => {
      const i = start + k;
      return { _id: messageIdAt(chatId, i), chatId, senderId: members[i % 2], text: `older message ${i}`, sentAt: new Date(base + i * 1000) };
    });
    await collection.insertMany(batch, { ordered: false });
  }
}
