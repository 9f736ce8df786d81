import { Injectable } from '@nestjs/common';
import { ContentModerationLog } from '../open-chats/content-moderation.service';
import { MODERATED_KINDS, ModeratedKind } from '../open-chats/schemas/content-moderation-event.schema';
import type { ContentModerationEvent } from '../open-chats/schemas/content-moderation-event.schema';
import { ReporterTally, ReportStore } from '../reports/report-store.service';
import { Report } from '../reports/schemas/report.schema';
import { restrictionInForce } from '../sanctions/account-restrictions.service';
import { appealStatus, closedAtOf, sanctionStatus } from '../sanctions/sanction-statement';
import { SanctionRecord, SanctionStore } from '../sanctions/sanction-store.service';
import { UsersService } from '../users/users.service';
import {
  AccountHistorySummary,
  AccountHistoryView,
  HistoryAppealView,
  HistoryReportView,
  HistoryReportsView,
  HistorySanctionView,
  HistoryTimelineEntry,
  ReporterAccuracyView,
} from './dto/account-history.views';

/** Most reports about an account the history lists. */
const HISTORY_REPORTS = 200;
const OUTCOMES = ['approved', 'rejected', 'expired', 'open'] as const;

/**
 * The reported account as moderators see it (staff only: it names reporters and deciders):
 * reports about it by outcome with each reporter's accuracy (R3), its sanctions (R9), their
 * appeals, and one timeline. Computed from the records on each read.
 */
@Injectable()
export class AccountHistory {
  constructor(
    private readonly users: UsersService,
    private readonly reports: ReportStore,
    private readonly sanctions: SanctionStore,
    private readonly takedowns: ContentModerationLog,
  ) {}

  async historyOf(userId: string, now = new Date()): Promise<AccountHistoryView> {
    await this.users.requireAll(userId);
    const [reports, records] = await Promise.all([
      this.reports.aboutUser(userId, HISTORY_REPORTS),
      this.sanctions.forUser(userId).then((s) => this.sanctions.records(s)),
    ]);
    const tallies = await this.reports.reporterTallies([...new Set(reports.map((r) => r.reporterId))]);
    const reportViews = reports.map((report) => reportView(report, tallies.get(report.reporterId)!));
    const byOutcome = Object.fromEntries(OUTCOMES.map((o) => [o, reportViews.filter((r) => outcomeOf(r.status) === o)])) as unknown as HistoryReportsView;
    const sanctionViews = records.map((record) => sanctionView(record, now));
    const active = sanctionViews.filter((s) => s.status === 'active' || s.status === 'on_record');
    const appeals = records.filter((record) => record.appeal).map(appealView);
    const takedowns = await this.takedownsOf(records);
    return {
      userId,
      summary: summarize(byOutcome, active.length, sanctionViews.length - active.length, appeals, records, now),
      reports: byOutcome,
      sanctions: { active, past: sanctionViews.filter((s) => !active.includes(s)) },
      appeals,
      timeline: [...reports.flatMap(reportEntries), ...records.flatMap(sanctionEntries), ...takedowns.map(takedownEntry)].sort(
        (a, b) => b.at.getTime() - a.at.getTime(),
      ),
    };
  }

  /** R10: take-downs and restorations of the account's content; every take-down goes with a sanction on it. */
  private async takedownsOf(records: SanctionRecord[]): Promise<ContentModerationEvent[]> {
    const targets = new Map(
      records
        .map((r) => r.sanction.target)
        .filter((target): target is { kind: ModeratedKind; id: string } => MODERATED_KINDS.includes(target.kind as ModeratedKind))
        .map((target) => [target.id, { kind: target.kind, id: target.id }]),
    );
    return [...(await this.takedowns.logsOf([...targets.values()])).values()].flat();
  }

  /** What a case view shows beside the evidence. */
  async summaryOf(userId: string): Promise<AccountHistorySummary> {
    return (await this.historyOf(userId)).summary;
  }
}

function outcomeOf(status: string): (typeof OUTCOMES)[number] {
  return status === 'approved' || status === 'rejected' || status === 'expired' ? status : 'open';
}

export function accuracyOf(tally: ReporterTally): ReporterAccuracyView {
  const decided = tally.approved + tally.rejected;
  return { ...tally, accuracy: decided > 0 ? tally.approved / decided : null };
}

function reportView(report: Report, tally: ReporterTally): HistoryReportView {
  return {
    reportId: report._id,
    target: { kind: report.target.kind, id: report.target.id },
    reasons: report.reasons,
    status: report.status,
    filedAt: report.createdAt,
    decidedAt: report.decision?.decidedAt ?? null,
    policy: report.decision?.policy ?? null,
    falseReport: report.decision?.falseReport === true,
    reporterId: report.reporterId,
    reporterAccuracy: accuracyOf(tally),
  };
}

function sanctionView(record: SanctionRecord, now: Date): HistorySanctionView {
  const { sanction } = record;
  const status = sanctionStatus(record, now);
  const closedAt = closedAtOf(record, status);
  return {
    sanctionId: sanction._id,
    status,
    measure: sanction.measure,
    ...(sanction.days ? { days: sanction.days } : {}),
    policy: sanction.policy,
    target: { kind: sanction.target.kind, id: sanction.target.id },
    source: sanction.source,
    decidedBy: sanction.decidedBy,
    startsAt: sanction.startsAt,
    endsAt: sanction.endsAt ?? null,
    ...(closedAt ? { closedAt } : {}),
    appeal: appealStatus(record),
  };
}

function appealView(record: SanctionRecord): HistoryAppealView {
  const appeal = record.appeal!;
  return {
    appealId: appeal._id,
    sanctionId: record.sanction._id,
    status: appealStatus(record),
    statement: appeal.statement,
    filedAt: appeal.filedAt,
    decidedAt: record.appealDecision?.decidedAt ?? null,
    decidedBy: record.appealDecision?.moderatorId ?? null,
  };
}

function summarize(
  reports: HistoryReportsView,
  active: number,
  past: number,
  appeals: HistoryAppealView[],
  records: SanctionRecord[],
  now: Date,
): AccountHistorySummary {
  const count = (status: string) => appeals.filter((a) => a.status === status).length;
  return {
    reportsTotal: OUTCOMES.reduce((sum, o) => sum + reports[o].length, 0),
    reports: {
      approved: reports.approved.length,
      rejected: reports.rejected.length,
      falseReports: reports.rejected.filter((r) => r.falseReport).length,
      expired: reports.expired.length,
      open: reports.open.length,
    },
    sanctions: { active, past },
    appeals: { pending: count('pending'), upheld: count('upheld'), denied: count('denied') },
    restriction: restrictionInForce(records, now),
  };
}

function reportEntries(report: Report): HistoryTimelineEntry[] {
  const entries: HistoryTimelineEntry[] = [{ at: report.createdAt, kind: 'report_filed', reportId: report._id, detail: report.reasons.join(', ') }];
  if (report.decision) {
    const detail =
      report.decision.outcome === 'approved'
        ? `approved (${report.decision.policy ?? 'no policy'})`
        : report.decision.falseReport
          ? 'rejected as false'
          : 'rejected';
    entries.push({ at: report.decision.decidedAt, kind: 'report_decided', reportId: report._id, detail });
  } else if (report.status === 'expired') {
    entries.push({ at: report.updatedAt, kind: 'report_expired', reportId: report._id });
  }
  return entries;
}

function sanctionEntries(record: SanctionRecord): HistoryTimelineEntry[] {
  const { sanction } = record;
  const sanctionId = sanction._id;
  const measure = sanction.measure === 'restriction' ? `${sanction.days}-day restriction` : sanction.measure;
  const entries: HistoryTimelineEntry[] = [{ at: sanction.startsAt, kind: 'sanction_issued', sanctionId, detail: `${measure} (${sanction.policy})` }];
  for (const event of record.events) entries.push({ at: event.at, kind: `sanction_${event.kind}`, sanctionId });
  if (record.appeal) entries.push({ at: record.appeal.filedAt, kind: 'appeal_filed', sanctionId, appealId: record.appeal._id });
  if (record.appealDecision) {
    entries.push({
      at: record.appealDecision.decidedAt,
      kind: 'appeal_decided',
      sanctionId,
      appealId: record.appealDecision._id,
      detail: record.appealDecision.outcome,
    });
  }
  return entries;
}

function takedownEntry(event: ContentModerationEvent): HistoryTimelineEntry {
  const content = `${event.kind} ${event.contentId}`;
  return event.type === 'removed'
    ? { at: event.at, kind: 'content_removed', reportId: event.reportId, sanctionId: event.sanctionId, detail: `${content} (${event.policy})` }
    : { at: event.at, kind: 'content_restored', sanctionId: event.sanctionId, appealId: event.appealId, detail: content };
}
