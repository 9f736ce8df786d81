import { caseIdOf } from './case-id';
import { QueueOptions, QueueReport, caseQueueEntry, involves, openedAt, unionOf } from './case-queue';
import { caseStatusOf, isClaimedByOther } from './case-status';
import type { CaseQueuePage } from './dto/case.views';
import { QueuePosition, compareQueuePositions, encodeCursor } from './queue-cursor';
import type { CaseEvent } from './schemas/case-event.schema';

/** One case with reports awaiting review, as the queue needs it. */
interface CaseSlot {
  caseId: string;
  kind: string;
  reports: Map<string, QueueReport>;
  events: CaseEvent[];
  reasons: Set<string>;
  position: QueuePosition;
}

export type QueueStateOptions = QueueOptions & { targetKind?: string };

/**
 * The moderation queue held in memory: the awaiting reports grouped by case, with each case's
 * events, kept in queue order so a page is a walk from the cursor instead of grouping and
 * sorting every awaiting report on each request. It answers exactly what `buildCaseQueue`
 * answers for the same reports and events (a unit test compares the two).
 */
export class QueueState {
  private readonly slots = new Map<string, CaseSlot>();
  private readonly caseOfReport = new Map<string, string>();
  /** Every slot, in queue order (weight, oldest report, case id). */
  private readonly ordered: CaseSlot[] = [];

  constructor(private readonly weights: Readonly<Record<string, number>>) {}

  get reportCount(): number {
    return this.caseOfReport.size;
  }

  /** Whether the case's events are held: they are for every case with an awaiting report, and only for those. */
  holdsCase(caseId: string): boolean {
    return this.slots.has(caseId);
  }

  /** Adds or refreshes an awaiting report; `events` are its case's, needed when the case is not held yet. */
  putReport(report: QueueReport, events: CaseEvent[] = []): void {
    const caseId = caseIdOf(report.target as never);
    let slot = this.slots.get(caseId);
    if (slot) this.unorder(slot);
    else {
      slot = { caseId, kind: report.target.kind, reports: new Map(), events, reasons: new Set(), position: { weight: 0, oldestAt: new Date(0), caseId } };
      this.slots.set(caseId, slot);
    }
    slot.reports.set(report._id, report);
    this.caseOfReport.set(report._id, caseId);
    this.order(slot);
  }

  /** The report no longer awaits review (decided, expired) or is gone. */
  dropReport(reportId: string): void {
    const caseId = this.caseOfReport.get(reportId);
    const slot = caseId === undefined ? undefined : this.slots.get(caseId);
    this.caseOfReport.delete(reportId);
    if (!slot) return;
    this.unorder(slot);
    slot.reports.delete(reportId);
    if (slot.reports.size === 0) this.slots.delete(slot.caseId);
    else this.order(slot);
  }

  /** The case's events in seq order; ignored for a case without awaiting reports (read when one arrives). */
  setEvents(caseId: string, events: CaseEvent[]): void {
    const slot = this.slots.get(caseId);
    if (slot) slot.events = events;
  }

  page(options: QueueStateOptions): CaseQueuePage {
    const picked: Array<{ slot: CaseSlot; status: ReturnType<typeof caseStatusOf> }> = [];
    let more = false;
    for (let i = options.after ? this.indexAfter(options.after) : 0; i < this.ordered.length; i++) {
      const slot = this.ordered[i];
      if (options.targetKind && slot.kind !== options.targetKind) continue;
      if (options.reason && !slot.reasons.has(options.reason)) continue;
      if (involves(slot.reports.values(), options.moderatorId)) continue;
      // Claims expire with time, so the status is computed at each read.
      const status = caseStatusOf(slot.events, options.now);
      if (status.state === 'decided' || isClaimedByOther(status, options.moderatorId)) continue;
      if (picked.length === options.limit) {
        more = true;
        break;
      }
      picked.push({ slot, status });
    }
    const entries = picked.map(({ slot, status }) => {
      const reports = oldestFirst(slot);
      return caseQueueEntry(slot.caseId, reports, unionOf(reports.map((r) => r.reasons)), status, options);
    });
    return { items: entries.map((e) => e.item), nextCursor: more ? encodeCursor(entries.at(-1)!.position) : null };
  }

  /** Computes the slot's position from its reports and inserts it in order. */
  private order(slot: CaseSlot): void {
    const reports = [...slot.reports.values()];
    slot.reasons = new Set(reports.flatMap((r) => r.reasons));
    const weight = Math.max(0, ...[...slot.reasons].map((reason) => this.weights[reason] ?? 0));
    const oldestAt = new Date(Math.min(...reports.map(openedAt)));
    slot.position = { weight, oldestAt, caseId: slot.caseId };
    this.ordered.splice(this.indexAfter(slot.position), 0, slot);
  }

  private unorder(slot: CaseSlot): void {
    // Positions are unique (the case id breaks ties), so the slot sits just before the first one after it.
    const index = this.indexAfter(slot.position) - 1;
    if (this.ordered[index] === slot) this.ordered.splice(index, 1);
  }

  /** Index of the first slot after `position` (binary search). */
  private indexAfter(position: QueuePosition): number {
    let low = 0;
    let high = this.ordered.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (compareQueuePositions(this.ordered[middle].position, position) > 0) high = middle;
      else low = middle + 1;
    }
    return low;
  }
}

/** The order the database returns awaiting reports in (review opened, then id). */
function oldestFirst(slot: CaseSlot): QueueReport[] {
  return [...slot.reports.values()].sort((a, b) => openedAt(a) - openedAt(b) || (a._id < b._id ? -1 : a._id > b._id ? 1 : 0));
}
