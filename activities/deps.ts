import type { ChatsService } from '../src/chats/chats.service';
import type { CsTicketsService } from '../src/customer-service/cs-tickets.service';
import type { EvidenceService } from '../src/evidence/evidence.service';
import type { ReportStore } from '../src/reports/report-store.service';
import type { Report } from '../src/reports/schemas/report.schema';
import type { BlocksService } from '../src/users/blocks.service';
import type { FriendshipsService } from '../src/users/friendships.service';
import { ApplicationFailure } from '@temporalio/common';

/** What the activities need, passed in explicitly (the worker takes them from its Nest container). */
export interface ActivityDeps {
  reports: Pick<ReportStore, 'find' | 'recordStep'>;
  friendships: Pick<FriendshipsService, 'checkMessageFrom'>;
  evidence: Pick<EvidenceService, 'capture'>;
  chats: Pick<ChatsService, 'deleteForUser'>;
  blocks: Pick<BlocksService, 'applyReportBlock'>;
  tickets: Pick<CsTicketsService, 'open'>;
  settings: { evidenceMaxMessages: number };
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
