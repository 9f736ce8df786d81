import { Injectable } from '@nestjs/common';
import { reportWorkflowId } from '../../workflows/definitions';
import { ApiError } from '../common/api-error';
import { derivedId, newId } from '../common/ids';
import { AppConfig } from '../config/app-config';
import { EvidenceService, EvidenceView } from '../evidence/evidence.service';
import { ReportWorkflows } from '../temporal/report-workflows.service';
import { FriendshipsService } from '../users/friendships.service';
import { UsersService } from '../users/users.service';
import { CreateReportDto } from './dto/create-report.dto';
import { FiledReportView, ReportView, toReportView } from './dto/report.view';
import { NewReport, ReportStore } from './report-store.service';
import { policyCategoriesOf } from './report-reasons';
import { Report } from './schemas/report.schema';
import { TargetResolver } from './target-resolver.service';

const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,128}$/;

@Injectable()
export class ReportsService {
  constructor(
    private readonly store: ReportStore,
    private readonly targets: TargetResolver,
    private readonly users: UsersService,
    private readonly friendships: FriendshipsService,
    private readonly workflows: ReportWorkflows,
    private readonly evidence: EvidenceService,
    private readonly config: AppConfig,
  ) {}

  /**
   * Files a report: validates it, stores it, starts its workflow and waits briefly for the
   * friend check (R4) so the caller learns at once whether it was refused.
   */
  async file(dto: CreateReportDto, idempotencyKey?: string): Promise<FiledReportView> {
    if (idempotencyKey !== undefined && !IDEMPOTENCY_KEY.test(idempotencyKey)) {
      throw ApiError.badRequest('INVALID_IDEMPOTENCY_KEY', 'Idempotency-Key must be 1-128 visible ASCII characters.');
    }
    const reportId = idempotencyKey ? derivedId('rpt', dto.reporterId, idempotencyKey) : newId('rpt');
    // A repeated key answers with the stored report even after its chat room was deleted.
    const previous = idempotencyKey ? await this.store.find(reportId) : null;
    const { report, created } = previous ? { report: previous, created: false } : await this.store.insert(await this.newReport(reportId, dto, idempotencyKey));
    if (!created && !isSameRequest(report, dto)) {
      throw ApiError.conflict('IDEMPOTENCY_KEY_REUSED', 'This Idempotency-Key was already used for a different report.', { reportId });
    }

    // Read alongside the start: when this already admits the report, the API answers without a
    // round trip through the worker (see `likelyAdmitted`).
    const precheck = report.status === 'received' ? this.likelyAdmitted(report) : Promise.resolve(false);
    try {
      // Also on a repeated key: the first attempt may have stored the report and died before starting.
      await this.workflows.start({
        reportId,
        reporterId: report.reporterId,
        reportedUserId: report.reportedUserId,
        target: report.target,
        ...(report.chatId ? { chatId: report.chatId } : {}),
        reasons: report.reasons,
        reviewDeadlineMs: this.config.reviewDeadlineMs,
        maxReviewWaitMs: this.config.maxReviewWaitMs,
      });
    } catch (error) {
      if (created) await this.store.removeUnstarted(reportId);
      throw error;
    }

    if (await precheck) return { reportId, workflowId: reportWorkflowId(reportId), status: report.status };
    const admission = report.status === 'received' ? await this.workflows.awaitAdmission(reportId) : null;
    const current = (await this.store.find(reportId)) ?? report;
    if (admission?.admitted === false || current.status === 'refused') {
      const refusal = current.refusal ?? { code: admission!.refusalCode!, message: admission!.refusalMessage! };
      throw ApiError.conflict(refusal.code, refusal.message, { reportId, workflowId: reportWorkflowId(reportId) });
    }
    return { reportId, workflowId: reportWorkflowId(reportId), status: current.status };
  }

  /**
   * R4 fast path. The workflow's friend check stays the record; this read only spares the wait
   * for it when it would admit. A refusal is never answered from here: then the API waits for
   * the workflow's answer, so every 409 is the recorded one. Should the friendship change in
   * between, the report turns "refused" after a 202, as it can when the admission wait times out.
   */
  private async likelyAdmitted(report: Report): Promise<boolean> {
    if (report.target.kind !== 'chat_message') return true;
    try {
      return (await this.friendships.checkMessageFrom(report.reporterId, report.reportedUserId)).admitted;
    } catch {
      return false;
    }
  }

  private async newReport(reportId: string, dto: CreateReportDto, idempotencyKey?: string): Promise<NewReport> {
    // Both reads at once (they are independent), but an unknown reporter is reported first.
    const [reporter, resolved] = await Promise.allSettled([this.users.requireAll(dto.reporterId), this.targets.resolve(dto.reporterId, dto.target)]);
    if (reporter.status === 'rejected') throw reporter.reason;
    if (resolved.status === 'rejected') throw resolved.reason;
    const target = resolved.value;
    return {
      _id: reportId,
      reporterId: dto.reporterId,
      reportedUserId: target.reportedUserId,
      target: { kind: dto.target.kind, id: dto.target.id },
      ...(target.chatId ? { chatId: target.chatId } : {}),
      reasons: dto.reasons,
      policyCategories: policyCategoriesOf(dto.reasons),
      ...(dto.details ? { details: dto.details } : {}),
      status: 'received',
      workflowId: reportWorkflowId(reportId),
      ...(idempotencyKey ? { idempotencyKey } : {}),
    };
  }

  async get(reportId: string): Promise<ReportView> {
    return toReportView(await this.require(reportId));
  }

  async evidenceOf(reportId: string): Promise<EvidenceView> {
    await this.require(reportId);
    return this.evidence.view(reportId);
  }

  async require(reportId: string): Promise<Report> {
    const report = await this.store.find(reportId);
    if (!report) throw ApiError.notFound('REPORT_NOT_FOUND', `Report ${reportId} does not exist.`);
    return report;
  }
}

function isSameRequest(report: Report, dto: CreateReportDto): boolean {
  return (
    report.reporterId === dto.reporterId &&
    report.target.kind === dto.target.kind &&
    report.target.id === dto.target.id &&
    [...report.reasons].sort().join() === [...dto.reasons].sort().join()
  );
}
