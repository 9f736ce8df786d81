/**
 * The chaos run's per-report invariants: what each planned report must have left behind,
 * derived from the workload's own plan (what it sent and decided), compared with what was found.
 * Pure, so the unit test can feed it hand-made plans and findings.
 */
import { chainDigests } from '../../src/evidence/evidence-chain';
import type { PlannedReport, SentContent } from './workload';

/** What the run found for one planned report: every record under its fresh reporter/author pair. */
export interface FoundReport {
  /** Reports filed by the plan's reporter (the id, its status and its timeline's steps, in stored order). */
  reports: Array<{ reportId: string; status: string; steps: string[] }>;
  /** The report's evidence items as stored, in `seq` order; `createdAt` as stored. */
  evidence: Array<SentContent & { seq: number; createdAt: Date; digest: string }>;
  /** When the sources the workload created were stored (their own records, not the evidence). */
  sourceTimes: Record<string, Date>;
  /** CS tickets about the report (R9), by kind, with the decision each carries. */
  tickets: Array<{ kind: string; outcome?: string }>;
  /** Block activations of the author by the reporter (R7), and whether the block is on now. */
  blockActivations: number;
  blockActive: boolean;
  /** Times the 1:1 room was deleted for the reporter (R6). */
  chatDeletedForReporter: number;
  /** Notice kinds, one entry per stored notice. */
  reporterNotices: string[];
  authorNotices: string[];
  /** Sanctions on the author (R9), one entry per sanction. */
  sanctions: Array<{ sanctionId: string; measure: string }>;
  /** Executions of the report's lifecycle workflow, by status, and the activities its history scheduled (one entry each). */
  workflows: string[];
  activities: string[];
  /** Executions of each sanction's workflow, by status. */
  sanctionWorkflows: Record<string, string[]>;
}

export interface Violation {
  index: number;
  /** The report's id when one was found; the planned reporter otherwise. */
  subject: string;
  problem: string;
}

export function expectedStatus(plan: PlannedReport): 'approved' | 'rejected' {
  return plan.decision === 'approve' ? 'approved' : 'rejected';
}

/** The workflow's steps for the plan: each activity, and the timeline step it records once. */
function plannedSteps(plan: PlannedReport): Array<{ activity: string; step: string }> {
  const approved = plan.decision === 'approve';
  return [
    { activity: 'storeEvidence', step: 'evidence_stored' },
    ...(plan.kind === 'chat_message' ? [{ activity: 'deleteChatRoom', step: 'chat_room_deleted' }] : []),
    { activity: 'openReview', step: 'review_opened' },
    { activity: 'recordDecision', step: 'decided' },
    ...(approved
      ? [
          { activity: 'blockReportedUser', step: 'auto_block' },
          { activity: 'sanctionReportedAccount', step: 'sanctioned' },
          // R10: Open Chat content is taken down after the sanction; a 1:1 message never is.
          ...(plan.kind === 'chat_message' ? [] : [{ activity: 'takeDownReportedContent', step: 'content_removed' }]),
        ]
      : []),
    ...(!approved && plan.falseReport ? [{ activity: 'recordFalseReport', step: 'false_report_strike' }] : []),
    { activity: 'notifyCustomerService', step: 'cs_notified' },
  ];
}

/** The report's timeline: the two steps of filing, then one per workflow step. */
export function expectedSteps(plan: PlannedReport): string[] {
  return ['received', 'friend_check', ...plannedSteps(plan).map((s) => s.step)];
}

export function expectedActivities(plan: PlannedReport): string[] {
  return plannedSteps(plan).map((s) => s.activity);
}

export function expectedReporterNotices(plan: PlannedReport): string[] {
  const escalated = plan.reasons.includes('illegal_content') || plan.escalate;
  return ['report_received', 'report_outcome', ...(escalated ? ['cs_follow_up'] : []), ...(plan.falseReport ? ['false_report_warning'] : [])];
}

/** The default ladders' first rung for a fresh account: abusive language (standard tier) warns, illegal content (critical) is permanent. */
export function expectedMeasure(plan: PlannedReport): string | null {
  if (plan.decision !== 'approve') return null;
  return plan.reasons.includes('illegal_content') ? 'permanent' : 'warning';
}

/** Every way the found records differ from the plan, each naming the report. */
export function checkReport(plan: PlannedReport, found: FoundReport): Violation[] {
  const problems: string[] = [];
  const fail = (problem: string) => problems.push(problem);
  const report = found.reports[0];
  const subject = () => ({ index: plan.index, subject: report?.reportId ?? `filing ${plan.index} (reporter ${plan.reporterId})` });

  if (plan.friends) {
    // R4: refused at filing; nothing may exist for it.
    if (found.reports.length > 0) fail(`refused filing (R4) stored ${found.reports.length} report(s)`);
    sameList('notices to the reporter', [], found.reporterNotices, fail);
    sameList('notices to the author', [], found.authorNotices, fail);
    return problems.map((problem) => ({ ...subject(), problem }));
  }
  if (found.reports.length !== 1) fail(`expected exactly one report for the filing, found ${found.reports.length}`);
  if (!report) return problems.map((problem) => ({ ...subject(), problem }));

  if (report.status !== expectedStatus(plan)) fail(`status ${report.status}, planned ${expectedStatus(plan)}`);
  sameList('timeline steps', expectedSteps(plan), report.steps, fail);
  checkEvidence(plan, report.reportId, found, fail);
  sameList(
    'CS tickets (R9)',
    ['report_decided'],
    found.tickets.map((t) => t.kind),
    fail,
  );
  for (const ticket of found.tickets.filter((t) => t.kind === 'report_decided' && t.outcome !== expectedStatus(plan))) {
    fail(`CS ticket (R9) carries decision ${ticket.outcome ?? 'none'}, planned ${expectedStatus(plan)}`);
  }
  const approved = plan.decision === 'approve';
  if (found.blockActivations !== (approved ? 1 : 0)) fail(`${found.blockActivations} block(s) of the author (R7), planned ${approved ? 1 : 0}`);
  if (found.blockActive !== approved) fail(`block of the author is ${found.blockActive ? 'on' : 'off'} (R7), planned ${approved ? 'on' : 'off'}`);
  if (plan.kind === 'chat_message' && found.chatDeletedForReporter !== 1)
    fail(`chat room deleted ${found.chatDeletedForReporter} time(s) for the reporter (R6), planned 1`);
  sameList('notices to the reporter', expectedReporterNotices(plan), found.reporterNotices, fail);
  sameList('notices to the author', approved ? ['sanction_statement'] : [], found.authorNotices, fail);
  const measure = expectedMeasure(plan);
  sameList(
    'sanctions (R9)',
    measure ? [measure] : [],
    found.sanctions.map((s) => s.measure),
    fail,
  );
  sameList('lifecycle workflow executions', ['COMPLETED'], found.workflows, fail);
  sameList('workflow activities', expectedActivities(plan), found.activities, fail);
  // R9: an approval's sanction stays open for appeals (a permanent one in force, a warning in its window).
  for (const sanction of found.sanctions)
    sameList(`sanction ${sanction.sanctionId} workflow executions`, ['RUNNING'], found.sanctionWorkflows[sanction.sanctionId] ?? [], fail);
  return problems.map((problem) => ({ ...subject(), problem }));
}

/** R6: exactly the content the workload created, in order, each digest the chain over that content. */
function checkEvidence(plan: PlannedReport, reportId: string, found: FoundReport, fail: (problem: string) => void): void {
  const items = found.evidence;
  if (items.length !== plan.content.length) fail(`${items.length} evidence item(s), planned ${plan.content.length}`);
  const missingTime = plan.content.find((c) => !found.sourceTimes[c.sourceId]);
  if (missingTime) return void fail(`the created ${missingTime.sourceKind} ${missingTime.sourceId} is gone from its own store`);
  const expectedDigests = chainDigests(
    reportId,
    plan.content.map((c) => ({ ...c, createdAt: found.sourceTimes[c.sourceId] })),
  );
  plan.content.forEach((sent, seq) => {
    const item = items.find((i) => i.seq === seq);
    if (!item) return void fail(`evidence item ${seq} (${sent.sourceKind} ${sent.sourceId}) missing`);
    for (const field of ['sourceKind', 'sourceId', 'authorId', 'text'] as const) {
      if (item[field] !== sent[field]) fail(`evidence item ${seq}: ${field} ${JSON.stringify(item[field])}, sent ${JSON.stringify(sent[field])}`);
    }
    if (item.createdAt.getTime() !== found.sourceTimes[sent.sourceId].getTime()) fail(`evidence item ${seq}: time differs from the source's`);
    if (item.digest !== expectedDigests[seq]) fail(`evidence item ${seq}: digest ${item.digest.slice(0, 12)}…, expected ${expectedDigests[seq].slice(0, 12)}…`);
  });
  const seqs = items.map((i) => i.seq);
  if (new Set(seqs).size !== seqs.length) fail(`evidence items with the same position: ${seqs.join(',')}`);
}

/** Equal as multisets: names what is missing and what is extra (a duplicate shows as extra). */
function sameList(what: string, expected: string[], found: string[], fail: (problem: string) => void): void {
  const left = [...found];
  const missing: string[] = [];
  for (const item of expected) {
    const at = left.indexOf(item);
    if (at >= 0) left.splice(at, 1);
    else missing.push(item);
  }
  if (missing.length > 0 || left.length > 0) {
    fail(`${what}: ${[missing.length ? `missing ${missing.join(', ')}` : '', left.length ? `extra ${left.join(', ')}` : ''].filter(Boolean).join('; ')}`);
  }
}
