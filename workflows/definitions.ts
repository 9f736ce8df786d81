// Everything the API, the worker and the workflow share about a report's workflow.
// Bundled into Temporal's sandbox: keep it free of Node APIs and of path aliases.
import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';

export const DEFAULT_TASK_QUEUE = 'report-lifecycle';

export const TARGET_KINDS = ['chat_message', 'open_chat_post', 'open_chat_comment'] as const;
export type TargetKind = (typeof TARGET_KINDS)[number];

export const REPORT_STATUSES = ['received', 'awaiting_review', 'approved', 'rejected', 'expired'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];
export const FINAL_STATUSES: readonly ReportStatus[] = ['approved', 'rejected', 'expired'];

export function reportWorkflowId(reportId: string): string {
  return `report-${reportId}`;
}

export interface ReportTarget {
  kind: TargetKind;
  id: string;
}

export interface ReportLifecycleInput {
  reportId: string;
  reporterId: string;
  reportedUserId: string;
  target: ReportTarget;
  /** The 1:1 chat that holds a reported message; absent for Open Chat targets. */
  chatId?: string;
  reasons: string[];
  reviewDeadlineMs: number;
  maxReviewWaitMs: number;
  /** The friend check (R4) as the API judged it when the report was filed: who, against whom, when. */
  admission: FilingAdmission;
}

export interface ApproveInput {
  moderatorId: string;
  policy?: string;
  note?: string;
  /** R9: send the report to customer service with high priority, and tell the reporter so. */
  escalate?: boolean;
  /** Set when the decision was taken on the report's case, not on the report alone. */
  caseDecisionId?: string;
  /** ISO time the case decision was taken: a report filed after it was not among those judged. */
  caseDecidedAt?: string;
}

export interface RejectInput {
  moderatorId: string;
  note?: string;
  falseReport?: boolean;
  escalate?: boolean;
  caseDecisionId?: string;
  caseDecidedAt?: string;
}

export type Decision = ({ outcome: 'approved' } & ApproveInput) | ({ outcome: 'rejected' } & RejectInput);

export interface Admission {
  admitted: boolean;
  /** Stable refusal code, e.g. FRIEND_MESSAGE_NOT_REPORTABLE (R4). */
  refusalCode?: string;
  refusalMessage?: string;
}

/** R4 judged at filing: who was checked against whom, when, and the result. */
export interface FilingAdmission extends Admission {
  reporterId: string;
  authorId: string;
  /** ISO time of the friendship and block reads. */
  checkedAt: string;
}

/**
 * What storeEvidence returns, so it lands in the workflow history at capture time: the root
 * recorded there is what evidence verification trusts. Digests only, never content.
 */
export interface EvidenceReceipt {
  evidenceSetId: string;
  /** The evidence scheme the root was computed under (src/evidence/evidence-chain.ts). */
  scheme: string;
  rootDigest: string;
  itemCount: number;
}

export interface ReportWorkflowState {
  status: ReportStatus;
  admission: FilingAdmission;
  evidence: EvidenceReceipt | null;
  decision: Decision | null;
  decisionRecorded: boolean;
  reviewOverdue: boolean;
}

export interface DecideResult {
  reportId: string;
  status: ReportStatus;
}

export interface ReportOutcome {
  reportId: string;
  status: ReportStatus;
  evidence: EvidenceReceipt | null;
}

/** Failure types the workflow raises to refuse a decision; the API maps them to 409 codes. */
export const REPORT_ALREADY_DECIDED = 'REPORT_ALREADY_DECIDED';
export const REPORT_NOT_REVIEWABLE = 'REPORT_NOT_REVIEWABLE';

// Signals exist so moderators and support can decide from the Temporal CLI or Web UI too.
export const approveSignal = defineSignal<[ApproveInput]>('approve');
export const rejectSignal = defineSignal<[RejectInput]>('reject');
// The API decides through an update so it can answer 200 or 409 synchronously.
export const decideUpdate = defineUpdate<DecideResult, [Decision]>('decide');
// Resolves once the report has left `received` (its review opened), answering the status it
// moved to: filing with `Prefer: wait` asks it instead of the app backend polling.
export const pastReceivedUpdate = defineUpdate<{ status: ReportStatus }, []>('pastReceived');
export const statusQuery = defineQuery<ReportWorkflowState>('status');

// Registered on the server (see the start-up scripts). Never put personal data here:
// search attributes are indexed in clear text.
export const reportStatusKey = defineSearchAttributeKey('ReportStatus', SearchAttributeType.KEYWORD);
export const reportTargetKindKey = defineSearchAttributeKey('ReportTargetKind', SearchAttributeType.KEYWORD);
export const reportReasonsKey = defineSearchAttributeKey('ReportReasons', SearchAttributeType.KEYWORD_LIST);

export const SEARCH_ATTRIBUTE_TYPES = {
  ReportStatus: 'Keyword',
  ReportTargetKind: 'Keyword',
  ReportReasons: 'KeywordList',
} as const;
