import { Injectable } from '@nestjs/common';
import type { Decision } from '../../workflows/definitions';
import { ApiError } from '../common/api-error';
import { moderatorConflict } from '../auth/conflict-of-interest';
import { AppConfig } from '../config/app-config';
import { ReportStore } from '../reports/report-store.service';
import { CaseDecisionWorkflows } from './case-decision-workflows.service';
import { CaseStatus, isClaimedByOther } from './case-status';
import { CaseStore } from './case-store.service';
import { CaseViews } from './case-views.service';
import { CaseClaimResult, CaseDecisionAccepted, CaseView } from './dto/case.views';
import { ModerationCase } from './schemas/moderation-case.schema';

/** What moderators do to a case. Each action is one appended event, judged against the status it extends. */
@Injectable()
export class CaseActions {
  constructor(
    private readonly cases: CaseStore,
    private readonly views: CaseViews,
    private readonly reports: ReportStore,
    private readonly decisions: CaseDecisionWorkflows,
    private readonly config: AppConfig,
  ) {}

  /** Takes the case out of other moderators' queues until CLAIM_TTL passes; claiming again renews it. */
  async claim(caseId: string, moderatorId: string): Promise<CaseClaimResult> {
    const theCase = await this.views.requireCase(caseId);
    this.refuseConflictOfInterest(theCase, moderatorId, await this.reports.openOnTarget(theCase.target));
    const { status } = await this.cases.append(caseId, (current, now) => {
      refuseIfDecided(caseId, current);
      refuseIfClaimedByOther(caseId, current, moderatorId);
      return { type: 'claim', moderatorId, expiresAt: new Date(now.getTime() + this.config.claimTtlMs) };
    });
    return { caseId, claim: { moderatorId, expiresAt: status.claim!.expiresAt } };
  }

  async unclaim(caseId: string, moderatorId: string): Promise<CaseClaimResult> {
    await this.views.requireCase(caseId);
    await this.cases.append(caseId, (current) => {
      if (current.claim?.moderatorId !== moderatorId) {
        throw ApiError.conflict('CASE_NOT_CLAIMED', `Case ${caseId} is not claimed by ${moderatorId}.`);
      }
      return { type: 'unclaim', moderatorId };
    });
    return { caseId, claim: null };
  }

  /**
   * Records the decision as a case event, then starts the workflow that delivers it to every
   * open report of the case; answers once that workflow has started. The event id names the
   * workflow, so repeating the same request after a crash starts (or finds) the same one.
   */
  async decide(caseId: string, decision: Decision): Promise<CaseDecisionAccepted> {
    const theCase = await this.views.requireCase(caseId);
    const open = await this.reports.openOnTarget(theCase.target);
    this.refuseConflictOfInterest(theCase, decision.moderatorId, open);
    const before = await this.cases.statusOf(caseId);
    const last = before.lastDecision;
    if (before.state === 'decided' && last && last.moderatorId === decision.moderatorId && last.outcome === decision.outcome) {
      // The same moderator repeating the same decision (a retry after a crash): deliver the stored one.
      const { decisionId, decidedAt, ...stored } = last;
      const workflowId = await this.decisions.start({ caseId, decisionId, decidedAt: new Date(decidedAt).toISOString(), decision: stored }, open.length);
      return { caseId, decisionId, outcome: last.outcome, workflowId, openReports: open.length };
    }
    const { event } = await this.cases.append(caseId, (current) => {
      refuseIfDecided(caseId, current);
      refuseIfClaimedByOther(caseId, current, decision.moderatorId);
      if (open.length === 0) throw ApiError.conflict('CASE_HAS_NO_OPEN_REPORTS', `Case ${caseId} has no report awaiting review.`);
      const { outcome, moderatorId: _by, ...rest } = decision;
      return { type: 'decision', moderatorId: decision.moderatorId, decision: { outcome, ...withoutUndefined(rest) } };
    });
    try {
      const workflowId = await this.decisions.start({ caseId, decisionId: event._id, decidedAt: event.at.toISOString(), decision }, open.length);
      return { caseId, decisionId: event._id, outcome: decision.outcome, workflowId, openReports: open.length };
    } catch (error) {
      // Nothing may look decided that nobody delivers: the caller gets 503 and can decide again.
      await this.cases.withdraw(event);
      throw error;
    }
  }

  /** After a reopen, new reports on the target queue again instead of taking the old decision. */
  async reopen(caseId: string, moderatorId: string): Promise<CaseView> {
    const theCase = await this.views.requireCase(caseId);
    // Decided reports count here: whoever reported the content may not undo its decision either.
    this.refuseConflictOfInterest(theCase, moderatorId, await this.reports.onTarget(theCase.target));
    await this.cases.append(caseId, (current) => {
      if (current.state !== 'decided') throw ApiError.conflict('CASE_NOT_DECIDED', `Case ${caseId} is open; only a decided case can be reopened.`);
      return { type: 'reopen', moderatorId };
    });
    return this.views.view(caseId);
  }

  private refuseConflictOfInterest(theCase: ModerationCase, moderatorId: string, open: Array<{ reporterId: string }>): void {
    if (moderatorId === theCase.reportedUserId || open.some((r) => r.reporterId === moderatorId)) {
      throw moderatorConflict('work a case they reported or that is about them');
    }
  }
}

function refuseIfDecided(caseId: string, status: CaseStatus): void {
  if (status.state === 'decided') {
    throw ApiError.conflict('CASE_ALREADY_DECIDED', `Case ${caseId} was already ${status.lastDecision?.outcome}; reopen it first.`, {
      decisionId: status.lastDecision?.decisionId,
      outcome: status.lastDecision?.outcome,
    });
  }
}

function refuseIfClaimedByOther(caseId: string, status: CaseStatus, moderatorId: string): void {
  if (isClaimedByOther(status, moderatorId)) {
    throw ApiError.conflict('CASE_ALREADY_CLAIMED', `Case ${caseId} is claimed by another moderator.`, {
      claimedBy: status.claim!.moderatorId,
      expiresAt: status.claim!.expiresAt,
    });
  }
}

function withoutUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
