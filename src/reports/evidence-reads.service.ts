import { Injectable } from '@nestjs/common';
import { setTimeout as sleep } from 'node:timers/promises';
import { EvidenceReceipt, FINAL_STATUSES } from '../../workflows/definitions';
import type { Principal } from '../auth/roles';
import { EvidenceAccessLogView, EvidenceSetView, EvidenceVerificationView } from '../evidence/dto/evidence.views';
import { EvidenceAccessLog } from '../evidence/evidence-access-log.service';
import { EvidenceService } from '../evidence/evidence.service';
import { ReportWorkflows } from './report-workflows.service';
import { ReportsService } from './reports.service';
import { Report } from './schemas/report.schema';

const RECORDED_RECEIPT_WAIT_MS = 3_000;
const RECORDED_RECEIPT_POLL_MS = 100;

/**
 * Every read of a report's evidence goes through here, so each one is written to the access
 * log (R6). An unknown report is answered 404 without an entry: there is no report to log
 * against. A known report whose evidence is not stored yet is logged as `not_found`.
 */
@Injectable()
export class EvidenceReads {
  constructor(
    private readonly reports: ReportsService,
    private readonly evidence: EvidenceService,
    private readonly accessLog: EvidenceAccessLog,
    private readonly workflows: ReportWorkflows,
  ) {}

  async view(reportId: string, reader: Principal): Promise<EvidenceSetView> {
    await this.reports.require(reportId);
    return this.accessLog.logged(reportId, reader, 'evidence', () => this.evidence.view(reportId));
  }

  /** Recomputed chain vs stored root vs the root the workflow history recorded at capture time. */
  async verify(reportId: string, reader: Principal): Promise<EvidenceVerificationView> {
    const report = await this.reports.require(reportId);
    return this.accessLog.logged(reportId, reader, 'verification', async () => {
      const recorded = await this.recordedReceipt(report);
      return this.evidence.verify(reportId, recorded?.rootDigest ?? null);
    });
  }

  /**
   * The capture step writes the evidence, and its receipt lands in the history a moment later,
   * when the activity's completion is recorded. While a report whose evidence is stored
   * still runs, wait that moment rather than verify without the history's root.
   */
  private async recordedReceipt(report: Report): Promise<EvidenceReceipt | null> {
    const deadline = Date.now() + RECORDED_RECEIPT_WAIT_MS;
    for (;;) {
      const recorded = await this.workflows.recordedEvidence(report._id);
      if (recorded || !report.evidence || FINAL_STATUSES.includes(report.status) || Date.now() >= deadline) return recorded;
      await sleep(RECORDED_RECEIPT_POLL_MS);
    }
  }

  /** Reading the log is not itself logged: it shows who read, never what was read. */
  async accessLogOf(reportId: string): Promise<EvidenceAccessLogView> {
    await this.reports.require(reportId);
    return this.accessLog.list(reportId);
  }
}
