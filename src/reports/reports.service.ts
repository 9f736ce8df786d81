import { Injectable } from '@nestjs/common';
import { FilingAdmission, reportWorkflowId } from '../../workflows/definitions';
import { ApiError } from '../common/api-error';
import { newId } from '../common/ids';
import { AppConfig } from '../config/app-config';
import { BusinessMetrics } from '../metrics/business-metrics';
import { ReportWorkflows } from '../temporal/report-workflows.service';
import { ReporterStandingService } from '../reporter-standing/reporter-standing.service';
import { FriendshipsService } from '../users/friendships.service';
import { UsersService } from '../users/users.service';
import { CreateReportDto } from './dto/create-report.dto';
import { FiledReportView, ReportView, toReportView } from './dto/report.view';
import { NewReport, ReportStore } from './report-store.service';
import { policyCategoriesOf } from './report-reasons';
import { Report } from './schemas/report.schema';
import { TargetResolver } from './target-resolver.service';
import { admissionOf, friendCheckStep } from './filing-admission';
import { keyedReportId, repeatReportIds } from './filing-identity';

const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,128}$/;

@Injectable()
export class ReportsService {
  constructor(
    private readonly store: ReportStore,
    private readonly targets: TargetResolver,
    private readonly users: UsersService,
    private readonly friendships: FriendshipsService,
    private readonly standing: ReporterStandingService,
    private readonly workflows: ReportWorkflows,
    private readonly config: AppConfig,
    private readonly metrics: BusinessMetrics,
  ) {}

  /**
   * Files a report: validates it, judges the friend check (R4), stores it and starts its
   * workflow. A refusal is 409 at once and stores nothing (see filing-admission.ts).
   */
  async file(dto: CreateReportDto, idempotencyKey?: string): Promise<FiledReportView> {
    if (idempotencyKey !== undefined && !IDEMPOTENCY_KEY.test(idempotencyKey)) {
      throw ApiError.badRequest('INVALID_IDEMPOTENCY_KEY', 'Idempotency-Key must be 1-128 visible ASCII characters.');
    }
    const { report, created } = idempotencyKey ? await this.findOrCreateKeyed(dto, idempotencyKey) : await this.findOrCreateRepeat(dto);
    // Also for a repeat: the first attempt may have stored the report and died before starting it.
    if (report.status === 'received') await this.startWorkflow(report, created);
    if (created) this.metrics.reportFiled(report.target.kind, report.reasons);
    // Reports refused by the workflow's friend check before R4 moved to filing.
    if (report.status === 'refused' && report.refusal) {
      throw ApiError.conflict(report.refusal.code, report.refusal.message, { reportId: report._id, workflowId: report.workflowId });
    }
    return { reportId: report._id, workflowId: report.workflowId, status: report.status };
  }

  private async findOrCreateKeyed(dto: CreateReportDto, idempotencyKey: string): Promise<{ report: Report; created: boolean }> {
    const reportId = keyedReportId(dto.reporterId, idempotencyKey);
    // A repeated key answers with the stored report even after its chat room was deleted.
    const existing = await this.store.find(reportId);
    const found = existing ? { report: existing, created: false } : await this.insertNew(reportId, dto, idempotencyKey);
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
    return this.insertNew(current ? newId('rpt') : ids.current, dto);
  }

  private async startWorkflow(report: Report, created: boolean): Promise<void> {
    const admission = admissionOf(report);
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
        ...(admission ? { admission } : {}),
      });
    } catch (error) {
      // No report may stay behind without a lifecycle: the caller gets 503 and can retry.
      if (created) await this.store.removeUnstarted(report._id);
      throw error;
    }
  }

  private async insertNew(reportId: string, dto: CreateReportDto, idempotencyKey?: string): Promise<{ report: Report; created: boolean }> {
    const { report, admission } = await this.newReport(reportId, dto, idempotencyKey);
    return this.store.insert(report, friendCheckStep(admission));
  }

  private async newReport(reportId: string, dto: CreateReportDto, idempotencyKey?: string): Promise<{ report: NewReport; admission: FilingAdmission }> {
    // Both reads at once (they are independent), but an unknown reporter is reported first.
    const [reporter, resolved] = await Promise.allSettled([this.users.requireAll(dto.reporterId), this.targets.resolve(dto.reporterId, dto.target)]);
    if (reporter.status === 'rejected') throw reporter.reason;
    if (resolved.status === 'rejected') throw resolved.reason;
    const target = resolved.value;
    const checkedAt = new Date().toISOString();
    // Independent reads again; a restricted reporter (R3) is told so before the friend check.
    const [mayReport, friendCheck] = await Promise.allSettled([
      this.standing.assertMayReport(dto.reporterId),
      this.friendships.admissionFor(dto.target.kind, dto.reporterId, target.reportedUserId),
    ]);
    if (mayReport.status === 'rejected') throw mayReport.reason;
    if (friendCheck.status === 'rejected') throw friendCheck.reason;
    if (!friendCheck.value.admitted) throw ApiError.conflict(friendCheck.value.refusalCode!, friendCheck.value.refusalMessage!);
    const admission: FilingAdmission = { ...friendCheck.value, reporterId: dto.reporterId, authorId: target.reportedUserId, checkedAt };
    const report: NewReport = {
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
    return { report, admission };
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
