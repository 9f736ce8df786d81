import type { CaseStore } from '../src/cases/case-store.service';
import type { ChatsService } from '../src/chats/chats.service';
import type { CsTicketsService } from '../src/customer-service/cs-tickets.service';
import type { BusinessMetrics } from '../src/metrics/business-metrics';
import type { EvidenceService } from '../src/evidence/evidence.service';
import type { ReporterStandingService } from '../src/reporter-standing/reporter-standing.service';
import type { SanctionsService } from '../src/sanctions/sanctions.service';
import type { SanctionWorkflows } from '../src/sanctions/sanction-workflows.service';
import type { ContentTakedowns } from '../src/sanctions/content-takedowns.service';
import type { Report } from '../src/reports/schemas/report.schema';
import type { BlocksService } from '../src/users/blocks.service';
import type { ReportNotices } from '../src/reports/report-notices.service';
import { ApplicationFailure } from '@temporalio/common';
import type { Logger } from 'pino';
import type { ReportStore } from '../src/reports/report-store.service';

/** What the activities need, passed in explicitly (the worker takes them from its Nest container). */
export interface ActivityDeps {
  reports: Pick<ReportStore, 'find' | 'recordStep' | 'openOnTarget'>;
  cases: Pick<CaseStore, 'ensureCase' | 'statusOf'>;
  evidence: Pick<EvidenceService, 'capture'>;
  chats: Pick<ChatsService, 'deleteForUser'>;
  blocks: Pick<BlocksService, 'applyReportBlock'>;
  tickets: Pick<CsTicketsService, 'open'>;
  standing: Pick<ReporterStandingService, 'recordFalseReport'>;
  /** What the reporter is told: receipt, outcome, CS follow-up (DSA Art. 16, R9). */
  reportNotices: Pick<ReportNotices, 'received' | 'decided' | 'expired' | 'csFollowUp'>;
  sanctions: Pick<SanctionsService, 'find' | 'issueForReport' | 'recordEnd' | 'recordLift' | 'recordOverturn' | 'appealStanding'>;
  sanctionWorkflows: Pick<SanctionWorkflows, 'start'>;
  /** R10: Open Chat content taken down on approval, restored on an upheld appeal. */
  takedowns: Pick<ContentTakedowns, 'takeDown' | 'restore'>;
  metrics: Pick<BusinessMetrics, 'decisionRecorded' | 'reviewOverdue'>;
  settings: { evidenceMaxMessages: number };
  /** Structured JSON, like the rest of the process; see `withStepLogs` for what goes in. */
  log: Logger;
}

export interface ReportRef {
  reportId: string;
}

/** A report that vanished cannot come back by retrying: fail the step for good. */
export async function requireReport(deps: ActivityDeps, reportId: string): Promise<Report> {
  const report = await deps.reports.find(reportId);
  if (!report) throw ApplicationFailure.nonRetryable(`report ${reportId} does not exist`, 'ReportNotFound');
  return report;
}
