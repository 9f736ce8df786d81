import { Injectable } from '@nestjs/common';
import { reportWorkflowId } from '../../workflows/definitions';
import { ApiError } from '../common/api-error';
import { newId } from '../common/ids';
import { AppConfig } from '../config/app-config';
import { BusinessMetrics } from '../metrics/business-metrics';
import { ReportWorkflows } from '../temporal/report-workflows.service';
import { ReporterStandingService } from '../reporter-standing/reporter-standing.service';
import { UsersService } from '../users/users.service';
import { CreateReportDto } from './dto/create-report.dto';
import { FiledReportView, ReportView, toReportView } from './dto/report.view';
import { NewReport, ReportStore } from './report-store.service';
import { policyCategoriesOf } from './report-reasons';
import { Report } from './schemas/report.schema';
import { TargetResolver } from './target-resolver.service';
import { keyedReportId, repeatReportIds } from './filing-identity';

const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,128}$/;

@Injectable()
export class ReportsService {
  constructor(
    private readonly store: ReportStore,
    private readonly targets: TargetResolver,
    private readonly users: UsersService,
    private readonly standing: ReporterStandingService,
    private readonly workflows: ReportWorkflows,
    private readonly config: AppConfig,
    private readonly metrics: BusinessMetrics,
  ) {}

  /**
   * Files a report: validates it, stores it, starts its workflow and waits briefly for the
   * friend check (R4) so the caller learns at once whether it was refused.
   */
  async file(dto: CreateReportDto, idempotencyKey?: string): Promise<FiledReportView> {
    if (idempotencyKey !== undefined && !IDEMPOTENCY_KEY.test(idempotencyKey)) {
      throw ApiError.badRequest('INVALID_IDEMPOTENCY_KEY', 'Idempotency-Key must be 1-128 visible ASCII characters.');
    }
    const { report, created } = idempotencyKey ? await this.findOrCreateKeyed(dto, idempotencyKey) : await this.findOrCreateRepeat(dto);
    // Also for a repeat: the first attempt may have stored the report and died before starting it.
    if (report.status === 'received') await this.startWorkflow(report, created);
    if (created) this.metrics.reportFiled(report.target.kind, report.reasons);
    // Only the request that created the report asks the workflow; repeats read the record, so
    // a burst of retries does not add an update per request to the history.
    const current = created ? await this.afterAdmission(report) : await this.afterFriendCheck(report);
    if (current.status === 'refused' && current.refusal) {
      throw ApiError.conflict(current.refusal.code, current.refusal.message, { reportId: current._id, workflowId: current.workflowId });
    }
    return { reportId: current._id, workflowId: current.workflowId, status: current.status };
  }

  private async findOrCreateKeyed(dto: CreateReportDto, idempotencyKey: string): Promise<{ report: Report; created: boolean }> {
    const reportId = keyedReportId(dto.reporterId, idempotencyKey);
    // A repeated key answers with the stored report even after its chat room was deleted.
    const existing = await this.store.find(reportId);
    const found = existing ? { report: existing, created: false } : await this.store.insert(await this.newReport(reportId, dto, idempotencyKey));
    if (!found.created && !isSameRequest(found.report, dto)) {
      throw ApiError.conflict('IDEMPOTENCY_KEY_REUSED', 'This Idempotency-Key was already used for a different report.', { reportId });
    }
    return found;
  }

  private async findOrCreateRepeat(dto: CreateReportDto): Promise<{ report: Report; created: boolean }> {
    const now = Date.now();
    const ids = repeatReportIds(dto, now, this.config.duplicateWindowMs);
    const [current, previous] = await Promise.all([this.store.find(ids.current), this.store.find(ids.previous)]);
    // A refused report is not a duplicate: after deleting or blocking the friend (R4) the reporter files again.
    const repeat = [current, previous].find(
      (r) => r && r.status !== 'refused' && now - new Date(r.createdAt).getTime() < this.config.duplicateWindowMs,
    );
    if (repeat) return { report: repeat, created: false };
    return this.store.insert(await this.newReport(current ? newId('rpt') : ids.current, dto));
  }

  private async startWorkflow(report: Report, created: boolean): Promise<void> {
    try {
      await this.workflows.start({
        reportId: report._id,
        reporterId: report.reporterId,
        reportedUserId: report.reportedUserId,
        target: report.target,
        ...(report.chatId ? { chatId: report.chatId } : {}),
        reasons: report.reasons,
        reviewDeadlineMs: this.config.reviewDeadlineMs,
        maxReviewWaitMs: this.config.maxReviewWaitMs,
      });
    } catch (error) {
      // No report may stay behind without a lifecycle: the caller gets 503 and can retry.
      if (created) await this.store.removeUnstarted(report._id);
      throw error;
    }
  }

  private async afterAdmission(report: Report): Promise<Report> {
    await this.workflows.awaitAdmission(report._id);
    return (await this.store.find(report._id)) ?? report;
  }

  /** Polls the record until the friend check is recorded, for at most the admission wait. */
  private async afterFriendCheck(report: Report): Promise<Report> {
    const deadline = Date.now() + this.config.admissionWaitMs;
    let current = report;
    while (!current.timeline?.friend_check && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      current = (await this.store.find(report._id)) ?? current;
    }
    return current;
  }

  private async newReport(reportId: string, dto: CreateReportDto, idempotencyKey?: string): Promise<NewReport> {
    // Both reads at once (they are independent), but an unknown reporter is reported first.
    const [reporter, resolved] = await Promise.allSettled([this.users.requireAll(dto.reporterId), this.targets.resolve(dto.reporterId, dto.target)]);
    if (reporter.status === 'rejected') throw reporter.reason;
    if (resolved.status === 'rejected') throw resolved.reason;
    await this.standing.assertMayReport(dto.reporterId);
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
