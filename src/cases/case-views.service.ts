import { Injectable } from '@nestjs/common';
import { reportWorkflowId } from '../../workflows/definitions';
import { ApiError } from '../common/api-error';
import { AccountHistory, accuracyOf } from '../account-history/account-history.service';
import { AppConfig } from '../config/app-config';
import { ReportStore } from '../reports/report-store.service';
import { targetOfCase } from './case-id';
import { buildCaseQueue } from './case-queue';
import { caseStatusOf } from './case-status';
import { ContentPreview } from './content-preview';
import { CaseStore } from './case-store.service';
import { CaseQueueQuery } from './dto/case-requests.dto';
import { CaseQueuePage, CaseView } from './dto/case.views';
import { decodeCursor } from './queue-cursor';
import { QueueProjection } from './queue-projection.service';
import { ReasonWeights } from './reason-weights';
import { ModerationCase } from './schemas/moderation-case.schema';

/** What moderators read: the queue of cases and one case in full. */
@Injectable()
export class CaseViews {
  constructor(
    private readonly cases: CaseStore,
    private readonly reports: ReportStore,
    private readonly config: AppConfig,
    private readonly projection: QueueProjection,
    private readonly weights: ReasonWeights,
    private readonly history: AccountHistory,
    private readonly previews: ContentPreview,
  ) {}

  /**
   * From this instance's in-memory queue (see QueueProjection). Until it has loaded: two reads
   * whatever the queue's size, the awaiting reports, then the events of their cases.
   * `moderatorId` is who asks: their own claims stay listed, other moderators' claims are hidden.
   */
  async queue(query: CaseQueueQuery, moderatorId: string): Promise<CaseQueuePage> {
    const options = {
      now: new Date(),
      moderatorId,
      reason: query.reason,
      weights: this.weights.byReason,
      reviewDeadlineMs: this.config.reviewDeadlineMs,
      after: query.cursor ? decodeCursor(query.cursor) : undefined,
      limit: query.limit ?? 20,
    };
    const page = (await this.projection.page({ ...options, targetKind: query.targetKind })) ?? (await this.pageFromDatabase(query.targetKind, options));
    // One read by id per item of the page (at most `limit`): the reported text, shortened.
    const previews = await Promise.all(page.items.map((item) => this.previews.of(item.target)));
    return { ...page, items: page.items.map((item, i) => ({ ...item, preview: previews[i] })) };
  }

  private async pageFromDatabase(targetKind: string | undefined, options: Parameters<typeof buildCaseQueue>[2]): Promise<CaseQueuePage> {
    const reports = await this.reports.awaitingReview(targetKind);
    const caseIds = [...new Set(reports.map((r) => `case-${r.target.kind}-${r.target.id}`))];
    return buildCaseQueue(reports, await this.cases.eventsOfCases(caseIds), options);
  }

  async view(caseId: string): Promise<CaseView> {
    const theCase = await this.requireCase(caseId);
    const [events, reports, accountHistory] = await Promise.all([
      this.cases.eventsOf(caseId),
      this.reports.onTarget(theCase.target),
      this.history.summaryOf(theCase.reportedUserId),
    ]);
    const tallies = await this.reports.reporterTallies([...new Set(reports.map((r) => r.reporterId))]);
    const now = new Date();
    const status = caseStatusOf(events, now);
    const awaiting = reports.filter((r) => r.status === 'awaiting_review' && r.reviewOpenedAt);
    const oldest = Math.min(...awaiting.map((r) => new Date(r.reviewOpenedAt!).getTime()));
    const dueAt = awaiting.length > 0 ? new Date(oldest + this.config.reviewDeadlineMs) : null;
    return {
      caseId,
      target: { kind: theCase.target.kind, id: theCase.target.id },
      reportedUserId: theCase.reportedUserId,
      accountHistory,
      state: status.state,
      claim: status.claim ? { moderatorId: status.claim.moderatorId, expiresAt: status.claim.expiresAt } : null,
      lastDecision: status.lastDecision,
      reopenedAt: status.reopenedAt,
      openReportCount: reports.filter((r) => r.status === 'received' || r.status === 'awaiting_review').length,
      sla: dueAt ? { dueAt, state: now >= dueAt ? 'overdue' : 'due' } : null,
      reports: reports.map((r) => ({
        reportId: r._id,
        workflowId: reportWorkflowId(r._id),
        status: r.status,
        reasons: r.reasons,
        filedAt: r.createdAt,
        reporterAccuracy: accuracyOf(tallies.get(r.reporterId)!),
        ...(r.decision?.caseDecisionId ? { caseDecisionId: r.decision.caseDecisionId } : {}),
      })),
      events: events.map((e) => ({
        seq: e.seq,
        type: e.type,
        moderatorId: e.moderatorId,
        at: e.at,
        ...(e.expiresAt ? { expiresAt: e.expiresAt } : {}),
        ...(e.decision ? { outcome: e.decision.outcome } : {}),
        ...(e.withdraws ? { withdraws: e.withdraws } : {}),
      })),
    };
  }

  /**
   * The case, created on the spot for a target reported before cases existed (its reports
   * opened their review without one); 404 when nobody reported the target.
   */
  async requireCase(caseId: string): Promise<ModerationCase> {
    const found = await this.cases.find(caseId);
    if (found) return found;
    const target = targetOfCase(caseId);
    const report = target && (await this.reports.anyOnTarget(target));
    if (!target || !report) throw ApiError.notFound('CASE_NOT_FOUND', `Case ${caseId} does not exist.`);
    await this.cases.ensureCase(target, report.reportedUserId);
    return (await this.cases.find(caseId))!;
  }
}
