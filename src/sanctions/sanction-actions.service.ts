import { HttpStatus, Injectable } from '@nestjs/common';
import { ApiError } from '../common/api-error';
import { moderatorConflict, staffConflict } from '../auth/conflict-of-interest';
import { ReportStore } from '../reports/report-store.service';
import { ContentTakedowns } from './content-takedowns.service';
import { SanctionWorkflows } from './sanction-workflows.service';
import { isWorkflowGone, updateRefusalType } from '../temporal/temporal-errors';
import { SANCTION_ALREADY_OVERTURNED, SANCTION_NOT_ACTIVE } from '../../workflows/sanction-definitions';
import { decodeAppealCursor, encodeAppealCursor } from './appeal-cursor';
import { DecideAppealDto, LiftSanctionDto, ListAppealsQuery } from './dto/sanctions.dto';
import { AccountSanctionView, AppealDecisionView, AppealListPage } from './dto/staff-sanction.views';
import { appealStatus, restrictionView, sanctionStatus } from './sanction-statement';
import { SanctionRecord, SanctionStore } from './sanction-store.service';
import { SanctionsService } from './sanctions.service';

/** What staff do to a sanction: CS lifts it early; a different moderator decides its appeal. Both go through its workflow. */
@Injectable()
export class SanctionActionsService {
  constructor(
    private readonly store: SanctionStore,
    private readonly sanctions: SanctionsService,
    private readonly reports: ReportStore,
    private readonly workflows: SanctionWorkflows,
    private readonly takedowns: ContentTakedowns,
  ) {}

  /** CS ends a restriction before its time (support role). */
  async lift(sanctionId: string, staffId: string, dto: LiftSanctionDto): Promise<AccountSanctionView> {
    const record = await this.requireRecord(sanctionId);
    if (record.sanction.userId === staffId) throw staffConflict('lift a sanction on their own account');
    if (sanctionStatus(record, new Date()) !== 'active') throw notActive(sanctionId);
    try {
      await this.workflows.lift(sanctionId, { staffId, ...(dto.note ? { note: dto.note } : {}) });
    } catch (error) {
      if (updateRefusalType(error) || isWorkflowGone(error)) throw notActive(sanctionId);
      throw error;
    }
    return this.supportView(sanctionId);
  }

  /** Moderators' list of appeals, oldest first, with what each one contests; keyset pages. */
  async listAppeals(query: ListAppealsQuery): Promise<AppealListPage> {
    const limit = query.limit ?? 50;
    const after = query.cursor ? decodeAppealCursor(query.cursor) : undefined;
    const appeals = await this.store.pageAppeals({ status: query.status, after, limit });
    const records = await this.store.records((await Promise.all(appeals.map((a) => this.store.find(a.sanctionId)))).filter((s) => s !== null));
    const now = new Date();
    const items = appeals.flatMap((appeal) => {
      const record = records.find((r) => r.appeal?._id === appeal._id);
      if (!record) return [];
      return [
        {
          appealId: appeal._id,
          status: appealStatus(record),
          statement: appeal.statement,
          filedAt: appeal.filedAt,
          userId: record.sanction.userId,
          sanction: restrictionView(record, now),
        },
      ];
    });
    const last = appeals.at(-1);
    return { items, nextCursor: appeals.length === limit && last ? encodeAppealCursor({ filedAt: last.filedAt, id: last._id }) : null };
  }

  /**
   * DSA Art. 20: a moderator other than the one who decided answers the appeal, once. Upheld,
   * the sanction is overturned through its workflow (which also revokes the R7 blocks behind
   * it and restores content taken down with it, R10). A repeat of the same decision by the same
   * moderator re-delivers it (a retry after a failure between recording and delivering); any
   * other second decision is refused.
   */
  async decideAppeal(appealId: string, moderatorId: string, dto: DecideAppealDto): Promise<AppealDecisionView> {
    const appeal = await this.store.findAppeal(appealId);
    if (!appeal) throw ApiError.notFound('APPEAL_NOT_FOUND', `Appeal ${appealId} does not exist.`);
    const record = await this.requireRecord(appeal.sanctionId);
    await this.refuseConflicts(record, moderatorId);
    const outcome = dto.outcome === 'uphold' ? 'upheld' : 'denied';
    const decision = {
      _id: appealId,
      sanctionId: appeal.sanctionId,
      outcome,
      moderatorId,
      decidedAt: new Date(),
      ...(dto.note ? { note: dto.note } : {}),
    } as const;
    if (!(await this.store.decideAppeal(decision))) {
      const earlier = await this.store.findAppealDecision(appealId);
      if (earlier?.outcome !== outcome || earlier.moderatorId !== moderatorId) {
        throw ApiError.conflict('APPEAL_ALREADY_DECIDED', `Appeal ${appealId} was already ${earlier?.outcome}.`, { outcome: earlier?.outcome });
      }
    }
    if (outcome === 'upheld') await this.deliverOverturn(appeal.sanctionId, appealId, moderatorId);
    else await this.deliverDenial(record);
    return { appealId, outcome, sanction: await this.supportView(appeal.sanctionId) };
  }

  private async refuseConflicts(record: SanctionRecord, moderatorId: string): Promise<void> {
    if (moderatorId === record.sanction.userId) throw moderatorConflict('decide an appeal about their own account');
    const approvals = await this.reports.approvedOn(record.sanction.userId, record.sanction.target);
    // Whoever reported the content argued one side of what the appeal re-examines.
    if (approvals.some((r) => r.reporterId === moderatorId)) throw moderatorConflict('decide an appeal against a sanction their report led to');
    const deciders = new Set([record.sanction.decidedBy, ...approvals.map((r) => r.decision?.moderatorId)]);
    if (deciders.has(moderatorId)) {
      throw new ApiError(HttpStatus.FORBIDDEN, 'APPEAL_NEEDS_ANOTHER_MODERATOR', 'The appeal must be decided by someone other than who decided the sanction.');
    }
  }

  private async deliverOverturn(sanctionId: string, appealId: string, moderatorId: string): Promise<void> {
    try {
      await this.workflows.overturn(sanctionId, { appealId, moderatorId });
    } catch (error) {
      if (updateRefusalType(error) === SANCTION_ALREADY_OVERTURNED) return;
      // Its workflow has closed (only possible past the appeal window): nothing else writes
      // this sanction any more, so the overturn is recorded here, just as the workflow would.
      if (updateRefusalType(error) === SANCTION_NOT_ACTIVE || isWorkflowGone(error)) {
        await this.sanctions.recordOverturn(sanctionId, appealId, moderatorId);
        await this.takedowns.restore(sanctionId, appealId);
        return;
      }
      throw error;
    }
  }

  private async deliverDenial(record: SanctionRecord): Promise<void> {
    await this.sanctions.notify(record.sanction, 'appeal_denied', 'Your appeal was reviewed by another moderator and denied; the sanction stands.');
    await this.workflows.settleAppeal(record.sanction._id).catch((error) => {
      if (!isWorkflowGone(error)) throw error;
    });
  }

  private async requireRecord(sanctionId: string): Promise<SanctionRecord> {
    const record = await this.store.record(sanctionId);
    if (!record) throw ApiError.notFound('SANCTION_NOT_FOUND', `Sanction ${sanctionId} does not exist.`);
    return record;
  }

  /** Staff see the statement the user sees plus the account; still nothing of the reporter. */
  private async supportView(sanctionId: string): Promise<AccountSanctionView> {
    const record = await this.requireRecord(sanctionId);
    return { userId: record.sanction.userId, ...restrictionView(record, new Date()) };
  }
}

function notActive(sanctionId: string): ApiError {
  return ApiError.conflict(SANCTION_NOT_ACTIVE, `Sanction ${sanctionId} is not in force (ended, lifted, overturned or a warning).`);
}
