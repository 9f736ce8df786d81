import type { Connection } from 'mongoose';
import { Report, ReportSchema } from '../reports/schemas/report.schema';

export const QUEUE_INDEX = 'status_1_reviewOpenedAt_1__id_1';

/** What an explain of the moderation-queue query says, on either kind of server. */
export type QueuePlan =
  | { server: 'mongodb'; indexes: string[]; sortsInMemory: boolean; scansCollection: boolean }
  // FerretDB v1 (SQLite) answers with the SQLite plan and whether it pushed filter and sort down.
  | { server: 'ferretdb'; filterPushdown: boolean; sortPushdown: boolean; sqlitePlan: string[] };

/** The queue's report read exactly as `ReportStore.awaitingReview` runs it (the queue then groups by case). */
export async function explainQueueQuery(connection: Connection, filter: Record<string, unknown> = { status: 'awaiting_review' }) {
  const reports = connection.models[Report.name] ?? connection.model(Report.name, ReportSchema);
  return reports.find(filter).sort({ reviewOpenedAt: 1, _id: 1 }).explain() as Promise<unknown>;
}

/** The parts of either server's explain output that are read below. */
interface ExplainOutput {
  serverInfo?: { ferretdbVersion?: unknown };
  filterPushdown?: unknown;
  sortPushdown?: unknown;
  queryPlanner?: { Plan?: unknown[]; winningPlan?: unknown };
}

export function readQueuePlan(explain: unknown): QueuePlan {
  const doc = explain as ExplainOutput;
  if (doc.serverInfo?.ferretdbVersion !== undefined || 'filterPushdown' in doc) {
    return {
      server: 'ferretdb',
      filterPushdown: doc.filterPushdown === true,
      sortPushdown: doc.sortPushdown === true,
      sqlitePlan: (doc.queryPlanner?.Plan ?? []).map(String),
    };
  }
  // MongoDB: stages nest under inputStage(s); 7.x may wrap them in `queryPlan` (SBE).
  const stages: Array<{ stage: string; indexName?: string }> = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    const record = node as Record<string, unknown>;
    if (typeof record.stage === 'string') stages.push({ stage: record.stage, indexName: record.indexName as string | undefined });
    for (const key of ['inputStage', 'inputStages', 'queryPlan', 'winningPlan']) walk(record[key]);
  };
  walk(doc.queryPlanner?.winningPlan);
  return {
    server: 'mongodb',
    indexes: stages.filter((s) => s.stage === 'IXSCAN' && s.indexName).map((s) => s.indexName!),
    sortsInMemory: stages.some((s) => s.stage === 'SORT'),
    scansCollection: stages.some((s) => s.stage === 'COLLSCAN'),
  };
}
