import { Injectable } from '@nestjs/common';
import { derivedId, keyedId } from '../common/ids';
import { AppConfig } from '../config/app-config';
import { NoticeKind } from '../notices/notice-kinds';
import { NoticesService } from '../notices/notices.service';
import { ReportStore } from '../reports/report-store.service';
import { Report } from '../reports/schemas/report.schema';
import { BlocksService } from '../users/blocks.service';
import type { AppealStanding } from '../../workflows/sanction-definitions';
import { LadderPolicy, Measure, measureFor } from './sanction-ladder';
import { appealStatus, measureOf, policyTitle, sanctionStatus, statementNoticeText } from './sanction-statement';
import { SanctionRecord, SanctionStore } from './sanction-store.service';
import { Sanction } from './schemas/sanction.schema';

const DAY_MS = 86_400_000;

/** The sanction a moderator's approval leads to: one per account and piece of content, however many reports it had. */
export function contentSanctionId(userId: string, target: { kind: string; id: string }): string {
  return derivedId('snc', 'content', userId, target.kind, target.id);
}

/**
 * The sanction a CS measure on a ticket leads to: one per ticket. The ticket id holds the report
 * id, so the sanctioned person's view of this id is keyed (R2) like the report id itself.
 */
export function ticketSanctionId(secret: string, ticketId: string): string {
  return keyedId(secret, 'snc', 'ticket', ticketId);
}

/**
 * R9: issuing sanctions (the ladder on approval, a chosen measure from CS) and recording what
 * their workflows report: end, lift, overturn. Every write is an insert with a derived id, so
 * a retried activity changes nothing; the sanctioned user is told through the notices outbox.
 */
@Injectable()
export class SanctionsService {
  constructor(
    private readonly store: SanctionStore,
    private readonly reports: ReportStore,
    private readonly blocks: BlocksService,
    private readonly config: AppConfig,
    private readonly notices: NoticesService,
    private readonly ladderPolicy: LadderPolicy,
  ) {}

  /** The ladder on an approved report: the policy applied and the account's prior sanctions pick the measure. */
  async issueForReport(report: Report): Promise<Sanction> {
    const sanctionId = contentSanctionId(report.reportedUserId, report.target);
    const now = new Date();
    const recent = await this.recentSanctions(report.reportedUserId, now);
    // A retry finds its sanction among the recent ones; one issued before the strike window
    // (another report on the same content, long ago) makes the insert below find it instead.
    const existing = recent.find((record) => record.sanction._id === sanctionId)?.sanction;
    if (existing) return this.announce(existing);
    const policy = report.decision?.policy ?? report.policyCategories[0] ?? 'other';
    const priorSanctions = countAgainst(recent, now);
    const measure = measureFor(policy, priorSanctions, this.ladderPolicy.ladders);
    return this.issue(
      {
        _id: sanctionId,
        userId: report.reportedUserId,
        policy,
        target: { kind: report.target.kind, id: report.target.id },
        source: 'moderator_decision',
        decidedBy: report.decision?.moderatorId ?? 'unknown',
        priorSanctions,
      },
      measure,
      now,
    );
  }

  /** A measure CS chose on a ticket (R9): the same sanction path, without the ladder. */
  async issueForTicket(
    ticket: { _id: string; reportedUserId: string; target: { kind: string; id: string }; policyCategories: string[]; decision?: { policy?: string } },
    measure: Measure,
    staffId: string,
  ): Promise<Sanction> {
    const now = new Date();
    return this.issue(
      {
        _id: ticketSanctionId(this.config.idHmacSecret, ticket._id),
        userId: ticket.reportedUserId,
        policy: ticket.decision?.policy ?? ticket.policyCategories[0] ?? 'other',
        target: { kind: ticket.target.kind as Sanction['target']['kind'], id: ticket.target.id },
        source: 'customer_service',
        decidedBy: staffId,
        ticketId: ticket._id,
        priorSanctions: await this.priorSanctionCount(ticket.reportedUserId, now),
      },
      measure,
      now,
    );
  }

  find(sanctionId: string): Promise<Sanction | null> {
    return this.store.find(sanctionId);
  }

  /** Sanctions of the account within the strike window that were not overturned on appeal. */
  async priorSanctionCount(userId: string, now: Date): Promise<number> {
    return countAgainst(await this.recentSanctions(userId, now), now);
  }

  private async recentSanctions(userId: string, now: Date): Promise<SanctionRecord[]> {
    return this.store.records(await this.store.forUser(userId, new Date(now.getTime() - this.config.sanctionPolicy.strikeWindowMs)));
  }

  /** The durable timer ran out (sanction workflow). */
  async recordEnd(sanctionId: string): Promise<void> {
    const sanction = await this.require(sanctionId);
    await this.store.addEvent(sanctionId, 'ended');
    await this.notify(sanction, 'sanction_ended', `Your ${measureText(sanction)} has ended.`);
  }

  /** CS lifted it early (sanction workflow, after the lift update). */
  async recordLift(sanctionId: string, staffId: string, note?: string): Promise<void> {
    const sanction = await this.require(sanctionId);
    await this.store.addEvent(sanctionId, 'lifted', { by: staffId, ...(note ? { note } : {}) });
    await this.notify(sanction, 'sanction_lifted', `Customer service lifted your ${measureText(sanction)} early.`);
  }

  /** An upheld appeal: the sanction is overturned and the automatic blocks (R7) behind it are revoked, each recorded. */
  async recordOverturn(sanctionId: string, appealId: string, moderatorId: string): Promise<Record<string, string>> {
    const sanction = await this.require(sanctionId);
    const blocks: Record<string, string> = {};
    for (const report of await this.reports.approvedOn(sanction.userId, sanction.target)) {
      blocks[report._id] = await this.blocks.revokeReportBlock(report._id, report.reporterId, sanction.userId);
      await this.reports.recordStep(report._id, 'auto_block_revoked', {}, `${blocks[report._id]} (appeal ${appealId} upheld)`);
    }
    await this.store.addEvent(sanctionId, 'overturned', { by: moderatorId, appealId, blocks });
    await this.notify(sanction, 'sanction_overturned', `Your appeal was upheld: the ${measureText(sanction)} was overturned and no longer counts against you.`);
    return blocks;
  }

  /** What the workflow needs to know when the appeal window has closed. */
  async appealStanding(sanctionId: string): Promise<AppealStanding> {
    const record = await this.store.record(sanctionId);
    const status = record ? appealStatus(record) : 'none';
    if (status !== 'upheld') return { status };
    return { status, appealId: record!.appeal!._id, moderatorId: record!.appealDecision!.moderatorId };
  }

  async notify(sanction: Sanction, kind: NoticeKind, text: string): Promise<void> {
    // Keyed by the sanction, never by a report: nothing in it leads back to a reporter (R2).
    await this.notices.record({ kind, userId: sanction.userId, audience: 'reported', subjectId: sanction._id, text, details: { sanctionId: sanction._id } });
  }

  private async issue(fields: Omit<Sanction, 'measure' | 'days' | 'startsAt' | 'endsAt' | 'appealableUntil'>, measure: Measure, now: Date): Promise<Sanction> {
    const stored = await this.store.insert({
      ...fields,
      measure: measure.kind,
      ...(measure.kind === 'restriction' ? { days: measure.days, endsAt: new Date(now.getTime() + measure.days * DAY_MS) } : {}),
      startsAt: now,
      appealableUntil: new Date(now.getTime() + this.config.sanctionPolicy.appealWindowMs),
    });
    return this.announce(stored);
  }

  /** DSA Art. 17: the statement of reasons reaches the sanctioned user (written once, so a retry repeats nothing). */
  private async announce(sanction: Sanction): Promise<Sanction> {
    await this.notify(sanction, 'sanction_statement', statementNoticeText(sanction));
    return sanction;
  }

  private async require(sanctionId: string): Promise<Sanction> {
    const sanction = await this.store.find(sanctionId);
    if (!sanction) throw Object.assign(new Error(`sanction ${sanctionId} does not exist`), { name: 'SanctionNotFound' });
    return sanction;
  }
}

function countAgainst(records: SanctionRecord[], now: Date): number {
  return records.filter((record) => sanctionStatus(record, now) !== 'overturned').length;
}

function measureText(sanction: Sanction): string {
  const m = measureOf(sanction);
  return m.kind === 'restriction'
    ? `${m.days}-day restriction (${policyTitle(sanction.policy)})`
    : `${m.kind === 'warning' ? 'warning' : 'permanent restriction'} (${policyTitle(sanction.policy)})`;
}
