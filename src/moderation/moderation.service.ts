import { Injectable } from '@nestjs/common';
import { DecideResult, Decision, REPORT_ALREADY_DECIDED, REPORT_NOT_REVIEWABLE, reportWorkflowId } from '../../workflows/definitions';
import { caseIdOf } from '../cases/case-id';
import { isClaimedByOther } from '../cases/case-status';
import { CaseStore } from '../cases/case-store.service';
import { ApiError } from '../common/api-error';
import { moderatorConflict } from '../auth/conflict-of-interest';
import { ReportDecisionView, ReporterStandingView } from './dto/moderation.views';
import { ReporterStandingService } from '../reporter-standing/reporter-standing.service';
import { ReportStore } from '../reports/report-store.service';
import { Report } from '../reports/schemas/report.schema';
import { ReportWorkflows } from '../reports/report-workflows.service';
import { isWorkflowGone, updateRefusalType } from '../temporal/temporal-errors';

@Injectable()
export class ModerationService {
  constructor(
    private readonly store: ReportStore,
    private readonly workflows: ReportWorkflows,
    private readonly standing: ReporterStandingService,
    private readonly cases: CaseStore,
  ) {}

  /** R3: a reporter's record (filed, approved, rejected, false) and any reporting restriction. */
  async reporterStanding(userId: string): Promise<ReporterStandingView> {
    const [tally, restrictedUntil] = await Promise.all([this.store.reporterTally(userId), this.standing.restrictedUntil(userId)]);
    return { userId, ...tally, restrictedUntil: restrictedUntil ?? null };
  }

  /** Delivers the decision to the report's workflow, which alone decides whether it is the first. */
  async decide(reportId: string, decision: Decision): Promise<ReportDecisionView> {
    const report = await this.store.find(reportId);
    if (!report) throw ApiError.notFound('REPORT_NOT_FOUND', `Report ${reportId} does not exist.`);
    if (decision.moderatorId === report.reporterId || decision.moderatorId === report.reportedUserId) {
      throw moderatorConflict('decide a report they filed or that is about them');
    }
    refuseIfClosed(report);
    // A case another moderator claimed is theirs to decide, report by report as well.
    const status = await this.cases.statusOf(caseIdOf(report.target));
    if (isClaimedByOther(status, decision.moderatorId)) {
      throw ApiError.conflict('CASE_ALREADY_CLAIMED', `The case of report ${reportId} is claimed by another moderator.`, {
        claimedBy: status.claim!.moderatorId,
        expiresAt: status.claim!.expiresAt,
      });
    }
    try {
      return await this.deliver(report, decision);
    } catch (error) {
      const refusal = updateRefusalType(error);
      if (refusal) throw ApiError.conflict(refusal, (error as { cause?: Error }).cause?.message ?? refusal, { reportId });
      if (isWorkflowGone(error)) {
        const latest = await this.store.find(reportId);
        if (latest) refuseIfClosed(latest);
        throw ApiError.conflict(REPORT_NOT_REVIEWABLE, `Report ${reportId} has no running workflow (${reportWorkflowId(reportId)}).`);
      }
      throw error;
    }
  }

  /**
   * The decision as an update of the report's workflow. A report filed a moment ago (its start
   * still under way) or while Temporal was down may have no workflow yet: it is started here
   * first, once per report as the start sweep would, and then decided.
   */
  private async deliver(report: Report, decision: Decision): Promise<DecideResult> {
    try {
      return await this.workflows.decide(report._id, decision);
    } catch (error) {
      if (report.status !== 'received' || !isWorkflowGone(error)) throw error;
      await this.workflows.start(report);
      return this.workflows.decide(report._id, decision);
    }
  }
}

function refuseIfClosed(report: Report): void {
  if (report.status === 'approved' || report.status === 'rejected') {
    throw ApiError.conflict(REPORT_ALREADY_DECIDED, `Report ${report._id} was already ${report.status}.`, { status: report.status });
  }
  if (report.status === 'expired') {
    throw ApiError.conflict(REPORT_NOT_REVIEWABLE, `Report ${report._id} is ${report.status} and cannot be reviewed.`, { status: report.status });
  }
}
