import { Injectable } from '@nestjs/common';
import { FilingAdmission, ReportStatus, reportWorkflowId } from '../../workflows/definitions';
import { ApiError } from '../common/api-error';
import { conflictFor } from '../auth/conflict-of-interest';
import type { Principal } from '../auth/roles';
import { newId } from '../common/ids';
import { AppConfig } from '../config/app-config';
import { BusinessMetrics } from '../metrics/business-metrics';
import { ReporterStandingService } from '../reporter-standing/reporter-standing.service';
import { FriendshipsService } from '../users/friendships.service';
import { UsersService } from '../users/users.service';
import { CreateReportDto } from './dto/create-report.dto';
import { FiledReportView, ReportView, toReportView } from './dto/report.view';
import { NewReport, ReportStore } from './report-store.service';
import { policyCategoriesOf } from './report-reasons';
import { Report } from './schemas/report.schema';
import { TargetResolver } from './target-resolver.service';
import { ReportStarts } from './report-starts.service';
import { friendCheckStep } from './filing-admission';
import { keyedReportId, repeatReportIds } from './filing-identity';

/** What an Idempotency-Key may be: 1-128 visible ASCII characters. */
export const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,128}$/;

/** A validated report, not stored yet, and its friend check (R4). */
interface Draft {
  report: NewReport;
  admission: FilingAdmission;
}

@Injectable()
export class ReportsService {
  constructor(
    private readonly store: ReportStore,
    private readonly targets: TargetResolver,
    private readonly users: UsersService,
    private readonly friendships: FriendshipsService,
    private readonly standing: ReporterStandingService,
    private readonly starts: ReportStarts,
    private readonly config: AppConfig,
    private readonly metrics: BusinessMetrics,
  ) {}

  /**
   * Files a report: validates it, judges the friend check (R4), stores it and answers; its
   * workflow starts right after (report-starts.service.ts). A refusal is 409 at once and stores
   * nothing (see filing-admission.ts).
   */
  async file(dto: CreateReportDto, idempotencyKey?: string, waitSeconds = 0): Promise<FiledReportView> {
    if (idempotencyKey !== undefined && !IDEMPOTENCY_KEY.test(idempotencyKey)) {
      throw ApiError.badRequest('INVALID_IDEMPOTENCY_KEY', 'Idempotency-Key must be 1-128 visible ASCII characters.');
    }
    const { report, created } = idempotencyKey ? await this.findOrCreateKeyed(dto, idempotencyKey) : await this.findOrCreateRepeat(dto);
    // Also for a repeat: the first attempt may have stored the report and died before starting it.
    const status = report.status === 'received' ? await this.startFiled(report, waitSeconds) : report.status;
    if (created) this.metrics.reportFiled(report.target.kind, report.reasons);
    return { reportId: report._id, workflowId: report.workflowId, status };
  }

  private async findOrCreateKeyed(dto: CreateReportDto, idempotencyKey: string): Promise<{ report: Report; created: boolean }> {
    const reportId = keyedReportId(this.config.idHmacSecret, dto.reporterId, idempotencyKey);
    // The new report is prepared (validated, R3, R4) while the key is looked up: most keys are
    // new, and the two in parallel save round trips. A repeat discards the preparation.
    const [existing, draft] = await Promise.allSettled([this.store.find(reportId), this.newReport(reportId, dto, idempotencyKey)]);
    if (existing.status === 'rejected') throw existing.reason;
    // A repeated key answers with the stored report even after its chat room was deleted.
    const found = existing.value ? { report: existing.value, created: false } : await this.insertDraft(draft);
    if (!found.created && !isSameRequest(found.report, dto)) {
      throw ApiError.conflict('IDEMPOTENCY_KEY_REUSED', 'This Idempotency-Key was already used for a different report.', { reportId });
    }
    return found;
  }

  private async findOrCreateRepeat(dto: CreateReportDto): Promise<{ report: Report; created: boolean }> {
    const now = Date.now();
    const ids = repeatReportIds(this.config.idHmacSecret, dto, now, this.config.duplicateWindowMs);
    const isRepeat = (report: Report | null): report is Report => report !== null && now - new Date(report.createdAt).getTime() < this.config.duplicateWindowMs;
    // As above: the new report is prepared while the previous window's report is looked up. The
    // current window's is not read first: inserting under its id finds it (a duplicate key), one
    // read fewer for every new report. A preparation that failed reads it, as a repeat is
    // answered even after its chat room was deleted.
    const [previous, draft] = await Promise.allSettled([this.store.find(ids.previous), this.newReport(ids.current, dto)]);
    if (previous.status === 'rejected') throw previous.reason;
    if (isRepeat(previous.value)) return { report: previous.value, created: false };
    if (draft.status === 'rejected') {
      const current = await this.store.find(ids.current);
      if (isRepeat(current)) return { report: current, created: false };
    }
    const stored = await this.insertDraft(draft);
    return stored.created || isRepeat(stored.report) ? stored : this.insertDraft(draft, newId('rpt'));
  }

  /** Stores a prepared report (under another id if its own is taken), with its friend check. */
  private async insertDraft(draft: PromiseSettledResult<Draft>, otherId?: string): Promise<{ report: Report; created: boolean }> {
    if (draft.status === 'rejected') throw draft.reason;
    const { report, admission } = draft.value;
    const stored = otherId ? { ...report, _id: otherId, workflowId: reportWorkflowId(otherId) } : report;
    return this.store.insert(stored, friendCheckStep(admission));
  }

  /**
   * Answers the status of a stored report still `received` and sees to its workflow: started
   * in the background, so filing answers once the report is stored (a failed start is made up
   * by the start sweep). With `Prefer: wait` the start is waited for, and so is the status the
   * workflow's first steps moved the report to (the review opened, about a tenth of a second),
   * so the app backend need not poll for it; `received` if that did not come in time.
   */
  private async startFiled(report: Report, waitSeconds: number): Promise<ReportStatus> {
    if (waitSeconds > 0) return (await this.starts.startAndAwait(report, waitSeconds * 1000)) ?? report.status;
    await this.starts.startSoon(report);
    return report.status;
  }

  private async newReport(reportId: string, dto: CreateReportDto, idempotencyKey?: string): Promise<Draft> {
    const checkedAt = new Date().toISOString();
    // Independent reads at once, the friend check (R4) as soon as the author is known; the
    // answers are then judged in order: unknown reporter, target, restriction (R3), friend.
    const [reporter, resolved, mayReport] = await Promise.allSettled([
      this.users.requireAll(dto.reporterId),
      this.targets.resolve(dto.reporterId, dto.target, (authorId) => this.friendships.admissionFor(dto.target.kind, dto.reporterId, authorId)),
      this.standing.assertMayReport(dto.reporterId),
    ]);
    if (reporter.status === 'rejected') throw reporter.reason;
    if (resolved.status === 'rejected') throw resolved.reason;
    if (mayReport.status === 'rejected') throw mayReport.reason;
    const { alongside: friendCheck, ...target } = resolved.value;
    if (!friendCheck.admitted) throw ApiError.conflict(friendCheck.refusalCode!, friendCheck.refusalMessage!);
    const admission: FilingAdmission = { ...friendCheck, reporterId: dto.reporterId, authorId: target.reportedUserId, checkedAt };
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

  /** The report names its reporter, so staff who are the reported person may not read it (R2). */
  async get(reportId: string, caller: Principal): Promise<ReportView> {
    const report = await this.require(reportId);
    const conflict = caller.sub === report.reportedUserId ? conflictFor(caller, 'read a report about themselves') : null;
    if (conflict) throw conflict;
    return toReportView(report);
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
