import { MongoClient } from 'mongodb';
import { chainDigests } from '../../src/evidence/evidence-chain';
import { Api, chatThroughApi, fileReport } from '../lib/api';
import { Percentiles, percentiles, timed } from '../lib/stats';
import { insertOlderMessages } from './history';

export interface EvidenceVerifyCost {
  messages: number;
  /** From filing to awaiting review: the capture of `messages` items is most of it. */
  captureSeconds: number;
  /** `GET /v1/reports/:id/evidence/verify`: reading the items and the history, recomputing, logging the read. */
  verify: Percentiles;
  /** The chain alone, in this process: what the CPU part of a verification costs. */
  chainMs: number;
}

/** A report over a conversation of `messages` messages (all kept as evidence), verified `repeats` times. */
export async function evidenceVerifyCost(api: Api, mongo: MongoClient, runId: string, messages: number, repeats: number): Promise<EvidenceVerifyCost> {
  const extra = messages - Math.min(messages, 10);
  const chat = await chatThroughApi(api, `${runId}-e${messages}`, Math.min(messages, 10), (chatId, members) =>
    insertOlderMessages(mongo, chatId, members, extra),
  );
  const filedAt = performance.now();
  const filed = await fileReport(api, chat.reporterId, chat.messageId);
  await api.awaitStatus(filed.reportId, 'awaiting_review', 600_000);
  const captureSeconds = (performance.now() - filedAt) / 1000;

  const samples: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const result = await timed(samples, () => api.get<{ status: string; items: number }>(`/v1/reports/${filed.reportId}/evidence/verify`));
    if (result.status !== 'intact' || result.items !== messages) throw new Error(`evidence of ${filed.reportId}: ${JSON.stringify(result)}`);
  }
  return { messages, captureSeconds, verify: percentiles(samples), chainMs: chainOnlyMs(messages) };
}

function chainOnlyMs(count: number): number {
  const items = Array.from({ length: count }, (_, i) => ({
    sourceKind: 'chat_message',
    sourceId: `msg_${i}`,
    authorId: i % 2 ? 'usr-b' : 'usr-a',
    text: `older message ${i}`,
    createdAt: new Date(1_700_000_000_000 + i * 1000),
  }));
  const start = performance.now();
  chainDigests('rpt_bench', items);
  return performance.now() - start;
}
