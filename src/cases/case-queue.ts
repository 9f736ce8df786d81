import { reportWorkflowId } from '../../workflows/definitions';
import { caseIdOf } from './case-id';
import { CaseStatus, caseStatusOf, isClaimedByOther } from './case-status';
import { QueuePosition, compareQueuePositions, encodeCursor } from './queue-cursor';
import type { CaseEvent } from './schemas/case-event.schema';
import type { CaseQueueItem, CaseQueuePage } from './dto/case.views';

/** The fields of an awaiting report the queue reads (a narrow projection). */
export interface QueueReport {
  _id: string;
  target: { kind: string; id: string };
  reasons: string[];
  policyCategories: string[];
  reviewOpenedAt?: Date;
  createdAt: Date;
  evidence?: { rootDigest: string; itemCount: number };
  reporterId: string;
  reportedUserId: string;
}

export interface QueueOptions {
  now: Date;
  /** Who asks: their own claims stay in their queue, cases they reported or that are about them are left out. */
  moderatorId: string;
  reason?: string;
  weights: Readonly<Record<string, number>>;
  reviewDeadlineMs: number;
  after?: QueuePosition;
  limit: number;
}

/** Most reports listed per queue item; `reportCount` is always the full number. */
export const QUEUE_ITEM_REPORTS = 20;

/**
 * The moderation queue from the awaiting reports and their cases' events: one item per case,
 * hiding cases being decided, claimed by someone else or that the moderator is part of, in
 * priority-then-age order.
 */
export function buildCaseQueue(reports: readonly QueueReport[], eventsByCase: ReadonlyMap<string, CaseEvent[]>, options: QueueOptions): CaseQueuePage {
  const byCase = new Map<string, QueueReport[]>();
  for (const report of reports) {
    const caseId = caseIdOf(report.target as never);
    byCase.set(caseId, [...(byCase.get(caseId) ?? []), report]);
  }
  const entries: Array<{ position: QueuePosition; item: CaseQueueItem }> = [];
  for (const [caseId, caseReports] of byCase) {
    const status = caseStatusOf(eventsByCase.get(caseId) ?? [], options.now);
    // A decided case is being delivered to its reports (they leave the queue in a moment).
    if (status.state === 'decided' || isClaimedByOther(status, options.moderatorId) || involves(caseReports, options.moderatorId)) continue;
    const reasons = unionOf(caseReports.map((r) => r.reasons));
    if (options.reason && !reasons.includes(options.reason)) continue;
    const entry = caseQueueEntry(caseId, caseReports, reasons, status, options);
    if (!options.after || compareQueuePositions(entry.position, options.after) > 0) entries.push(entry);
  }
  entries.sort((a, b) => compareQueuePositions(a.position, b.position));
  const page = entries.slice(0, options.limit);
  const last = page.at(-1);
  return { items: page.map((e) => e.item), nextCursor: entries.length > options.limit && last ? encodeCursor(last.position) : null };
}

/** Whether the moderator reported one of the case's awaiting reports or is the person reported: the case is not theirs to work. */
export function involves(caseReports: Iterable<QueueReport>, moderatorId: string): boolean {
  for (const r of caseReports) if (r.reporterId === moderatorId || r.reportedUserId === moderatorId) return true;
  return false;
}

/**
 * One case's queue item and its position. `caseReports` come oldest first (review opened, then
 * report id): the order the database returns them in, which the union of policy categories keeps.
 */
export function caseQueueEntry(caseId: string, caseReports: QueueReport[], reasons: string[], status: CaseStatus, options: QueueOptions) {
  const weightOf = (reason: string) => options.weights[reason] ?? 0;
  const byWeight = [...reasons].sort((a, b) => weightOf(b) - weightOf(a) || a.localeCompare(b));
  const oldestFirst = [...caseReports].sort((a, b) => openedAt(a) - openedAt(b) || (a._id < b._id ? -1 : 1));
  const oldestAt = new Date(openedAt(oldestFirst[0]));
  const dueAt = new Date(oldestAt.getTime() + options.reviewDeadlineMs);
  const weight = weightOf(byWeight[0]);
  const item: CaseQueueItem = {
    caseId,
    target: { kind: caseReports[0].target.kind, id: caseReports[0].target.id },
    reportCount: caseReports.length,
    reasons: byWeight,
    policyCategories: unionOf(caseReports.map((r) => r.policyCategories)),
    priority: { weight, topReason: byWeight[0] },
    oldestReportAt: oldestAt,
    newestReportAt: new Date(openedAt(oldestFirst.at(-1)!)),
    sla: { dueAt, state: options.now.getTime() >= dueAt.getTime() ? 'overdue' : 'due' },
    claim: status.claim ? { moderatorId: status.claim.moderatorId, expiresAt: status.claim.expiresAt } : null,
    reopened: status.reopenedAt !== null,
    reports: oldestFirst.slice(0, QUEUE_ITEM_REPORTS).map((r) => ({
      reportId: r._id,
      workflowId: reportWorkflowId(r._id),
      reasons: r.reasons,
      reviewOpenedAt: new Date(openedAt(r)),
      ...(r.evidence ? { evidence: { rootDigest: r.evidence.rootDigest, itemCount: r.evidence.itemCount } } : {}),
    })),
  };
  return { position: { weight, oldestAt, caseId }, item };
}

// The review SLA runs from when the review opened (the workflow's deadline timer starts there).
export function openedAt(report: QueueReport): number {
  return new Date(report.reviewOpenedAt ?? report.createdAt).getTime();
}

export function unionOf(lists: string[][]): string[] {
  return [...new Set(lists.flat())];
}
