import { Inject, Injectable } from '@nestjs/common';
import { Counter, Gauge, Histogram, Registry } from 'prom-client';

const HOUR = 3_600;

/**
 * The figures trust-and-safety staff watch. Each is counted where the fact is first written
 * (a report inserted, a timeline step recorded, a ticket upserted), so a retried activity
 * does not count twice. Labels are closed catalogues (kinds, reasons, outcomes), never ids.
 */
@Injectable()
export class BusinessMetrics {
  private readonly filed: Counter<'kind' | 'reason'>;
  private readonly decisions: Counter<'outcome'>;
  private readonly timeToDecision: Histogram<'outcome'>;
  private readonly overdue: Counter;
  private readonly tickets: Counter<'kind'>;
  private readonly notices: Counter<'kind'>;
  private readonly deliveries: Counter<'outcome'>;
  private readonly sweptStarts: Counter;
  private readonly pastGrace: Gauge;
  private readonly falseReports: Counter;

  constructor(@Inject(Registry) registry: Registry) {
    const registers = [registry];
    this.filed = new Counter({ name: 'reports_filed_total', help: 'Reports stored, once per reason ticked.', labelNames: ['kind', 'reason'], registers });
    this.decisions = new Counter({ name: 'report_decisions_total', help: 'Moderator decisions recorded.', labelNames: ['outcome'], registers });
    this.timeToDecision = new Histogram({
      name: 'report_time_to_decision_seconds',
      help: 'From filing to the recorded moderator decision.',
      labelNames: ['outcome'],
      buckets: [60, 15 * 60, HOUR, 4 * HOUR, 12 * HOUR, 24 * HOUR, 72 * HOUR, 7 * 24 * HOUR, 30 * 24 * HOUR],
      registers,
    });
    this.overdue = new Counter({ name: 'report_review_overdue_total', help: 'Reviews that passed their deadline (SLA breaches).', registers });
    this.tickets = new Counter({
      name: 'cs_tickets_opened_total',
      help: 'Customer-service tickets (follow-up notices) opened.',
      labelNames: ['kind'],
      registers,
    });
    this.notices = new Counter({ name: 'notices_recorded_total', help: 'Notices stored in the outbox.', labelNames: ['kind'], registers });
    this.sweptStarts = new Counter({
      name: 'report_workflows_started_by_sweep_total',
      help: 'Report workflows the start sweep started: their start right after filing failed or never ran.',
      registers,
    });
    this.pastGrace = new Gauge({
      name: 'reports_received_past_grace',
      help: 'Reports still received START_SWEEP_GRACE after filing, at the last start sweep: not started (Temporal down) or not run (no worker).',
      registers,
    });
    this.falseReports = new Counter({
      name: 'reports_marked_false_total',
      help: 'R3: rejections recorded with the report marked as false (a strike against its reporter).',
      registers,
    });
    this.deliveries = new Counter({
      name: 'notice_deliveries_total',
      help: 'Webhook delivery attempts of notices, and deliveries given up.',
      labelNames: ['outcome'],
      registers,
    });
  }

  reportFiled(kind: string, reasons: string[]): void {
    for (const reason of reasons) this.filed.inc({ kind, reason });
  }

  /**
   * Reporter accuracy over all reports (approved / decided) is derived from these counters in
   * PromQL (docs/operations-and-security.md): counted here as the decision is recorded, it needs
   * no read of the reporter's other reports. Per reporter it is on the moderators' views.
   */
  decisionRecorded(outcome: string, filedAt: Date, falseReport = false): void {
    this.decisions.inc({ outcome });
    if (falseReport) this.falseReports.inc();
    this.timeToDecision.observe({ outcome }, Math.max(0, (Date.now() - filedAt.getTime()) / 1_000));
  }

  reviewOverdue(): void {
    this.overdue.inc();
  }

  ticketOpened(kind: string): void {
    this.tickets.inc({ kind });
  }

  noticeRecorded(kind: string): void {
    this.notices.inc({ kind });
  }

  reportStartedBySweep(): void {
    this.sweptStarts.inc();
  }

  reportsReceivedPastGrace(count: number): void {
    this.pastGrace.set(count);
  }

  noticeDeliveryAttempt(outcome: 'delivered' | 'failed' | 'gave_up'): void {
    this.deliveries.inc({ outcome });
  }
}
