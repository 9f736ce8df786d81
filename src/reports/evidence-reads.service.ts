import { Injectable } from '@nestjs/common';
import type { Principal } from '../auth/roles';
import { EvidenceAccessLog, EvidenceAccessLogView } from '../evidence/evidence-access-log.service';
import { EvidenceService, EvidenceVerification, EvidenceView } from '../evidence/evidence.service';
import { ReportWorkflows } from '../temporal/report-workflows.service';
import { ReportsService } from './reports.service';

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

  async view(reportId: string, reader: Principal): Promise<EvidenceView> {
    await this.reports.require(reportId);
    return this.accessLog.logged(reportId, reader, 'evidence', () => this.evidence.view(reportId));
  }

  /** Recomputed chain vs stored root vs the root the workflow history recorded at capture time. */
  async verify(reportId: string, reader: Principal): Promise<EvidenceVerification> {
    await this.reports.require(reportId);
    return this.accessLog.logged(reportId, reader, 'verification', async () => {
      const recorded = await this.workflows.recordedEvidence(reportId);
      return this.evidence.verify(reportId, recorded?.rootDigest ?? null);
    });
  }

  /** Reading the log is not itself logged: it shows who read, never what was read. */
  async accessLogOf(reportId: string): Promise<EvidenceAccessLogView> {
    await this.reports.require(reportId);
    return this.accessLog.list(reportId);
  }
}
