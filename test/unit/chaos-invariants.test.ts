import { createHash } from 'node:crypto';
import { FoundReport, checkReport } from '../../scripts/chaos/invariants';
import type { PlannedReport } from '../../scripts/chaos/workload';

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/** The chain written out by hand (docs/api.md's encoding: sorted keys, no spaces), not with the product's function. */
function handChain(reportId: string, items: Array<{ sourceKind: string; sourceId: string; authorId: string; text: string; at: string }>): string[] {
  let prev = sha256(`{"reportId":"${reportId}","scheme":"sha256-jcs-chain-v1"}`);
  return items.map((item, seq) => {
    prev = sha256(
      `{"authorId":"${item.authorId}","createdAt":"${item.at}","prev":"${prev}","seq":${seq},"sourceId":"${item.sourceId}","sourceKind":"${item.sourceKind}","text":"${item.text}"}`,
    );
    return prev;
  });
}

const HELLO_AT = '2026-03-01T10:00:00.000Z';
const THREAT_AT = '2026-03-01T10:00:01.000Z';

/** An approved report on a 1:1 message: the hello from the reporter, the threat from the author. */
function chatPlan(index: number, overrides: Partial<PlannedReport> = {}): PlannedReport {
  return {
    index,
    kind: 'chat_message',
    reporterId: `r${index}`,
    authorId: `a${index}`,
    targetId: `msg-threat-${index}`,
    chatId: `chat-${index}`,
    friends: false,
    reasons: ['abusive_hateful'],
    decision: 'approve',
    falseReport: false,
    escalate: false,
    decideAfterMs: 0,
    content: [
      { sourceKind: 'chat_message', sourceId: `msg-hello-${index}`, authorId: `r${index}`, text: `hello ${index}` },
      { sourceKind: 'chat_message', sourceId: `msg-threat-${index}`, authorId: `a${index}`, text: `threat ${index}` },
    ],
    ...overrides,
  };
}

/** Everything an approved chat report must leave, written out by hand. */
function approvedChatFound(index: number): FoundReport {
  const reportId = `rpt-${index}`;
  const hello = { sourceKind: 'chat_message' as const, sourceId: `msg-hello-${index}`, authorId: `r${index}`, text: `hello ${index}`, at: HELLO_AT };
  const threat = { sourceKind: 'chat_message' as const, sourceId: `msg-threat-${index}`, authorId: `a${index}`, text: `threat ${index}`, at: THREAT_AT };
  const digests = handChain(reportId, [hello, threat]);
  return {
    reports: [
      {
        reportId,
        status: 'approved',
        steps: ['received', 'friend_check', 'evidence_stored', 'chat_room_deleted', 'review_opened', 'decided', 'auto_block', 'sanctioned', 'cs_notified'],
      },
    ],
    evidence: [hello, threat].map(({ at, ...item }, seq) => ({ ...item, seq, createdAt: new Date(at), digest: digests[seq] })),
    sourceTimes: { [hello.sourceId]: new Date(HELLO_AT), [threat.sourceId]: new Date(THREAT_AT) },
    tickets: [{ kind: 'report_decided', outcome: 'approved' }],
    blockActivations: 1,
    blockActive: true,
    chatDeletedForReporter: 1,
    reporterNotices: ['report_received', 'report_outcome'],
    authorNotices: ['sanction_statement'],
    sanctions: [{ sanctionId: `snc-${index}`, measure: 'warning' }],
    workflows: ['COMPLETED'],
    activities: ['storeEvidence', 'deleteChatRoom', 'openReview', 'recordDecision', 'blockReportedUser', 'sanctionReportedAccount', 'notifyCustomerService'],
    sanctionWorkflows: { [`snc-${index}`]: ['RUNNING'] },
  };
}

const problemsOf = (plan: PlannedReport, found: FoundReport) => checkReport(plan, found).map((v) => v.problem);

describe('chaos run: per-report invariants from the workload plan', () => {
  test('an approved chat report that left exactly what was planned passes', () => {
    expect(checkReport(chatPlan(1), approvedChatFound(1))).toEqual([]);
  });

  test('R9: one report with two CS tickets and another with none both fail, though the totals match', () => {
    const doubled = { ...approvedChatFound(1), tickets: [...approvedChatFound(1).tickets, { kind: 'report_decided', outcome: 'approved' }] };
    const none = { ...approvedChatFound(2), tickets: [] };
    const violations = [...checkReport(chatPlan(1), doubled), ...checkReport(chatPlan(2), none)];
    expect(violations).toEqual([
      { index: 1, subject: 'rpt-1', problem: 'CS tickets (R9): extra report_decided' },
      { index: 2, subject: 'rpt-2', problem: 'CS tickets (R9): missing report_decided' },
    ]);
  });

  test('R9: a ticket carrying another decision than the one made fails', () => {
    expect(problemsOf(chatPlan(1), { ...approvedChatFound(1), tickets: [{ kind: 'report_decided', outcome: 'rejected' }] })).toEqual([
      'CS ticket (R9) carries decision rejected, planned approved',
    ]);
  });

  test('R6: a dropped evidence item fails, even when the set counts itself consistently', () => {
    const found = approvedChatFound(1);
    expect(problemsOf(chatPlan(1), { ...found, evidence: found.evidence.slice(1) })).toEqual([
      '1 evidence item(s), planned 2',
      'evidence item 0 (chat_message msg-hello-1) missing',
    ]);
  });

  test('R6: stored text that differs from what was sent fails even with a digest recomputed over the stored text', () => {
    const found = approvedChatFound(1);
    const altered = handChain('rpt-1', [
      { ...found.evidence[0], at: HELLO_AT },
      { ...found.evidence[1], text: 'threat 1 (edited)', at: THREAT_AT },
    ]);
    const evidence = [found.evidence[0], { ...found.evidence[1], text: 'threat 1 (edited)', digest: altered[1] }];
    expect(problemsOf(chatPlan(1), { ...found, evidence })).toEqual([
      'evidence item 1: text "threat 1 (edited)", sent "threat 1"',
      `evidence item 1: digest ${altered[1].slice(0, 12)}…, expected ${found.evidence[1].digest.slice(0, 12)}…`,
    ]);
  });

  test('R6: a digest that is not the chain over the sent content fails', () => {
    const found = approvedChatFound(1);
    const evidence = [found.evidence[0], { ...found.evidence[1], digest: 'f'.repeat(64) }];
    expect(problemsOf(chatPlan(1), { ...found, evidence })).toEqual([
      `evidence item 1: digest ffffffffffff…, expected ${found.evidence[1].digest.slice(0, 12)}…`,
    ]);
  });

  test('R10, R6: a 1:1 message taken down on approval fails: only Open Chat content is', () => {
    const found = approvedChatFound(1);
    const takenDown: FoundReport = {
      ...found,
      reports: [{ ...found.reports[0], steps: [...found.reports[0].steps.slice(0, -1), 'content_removed', 'cs_notified'] }],
      activities: [...found.activities.slice(0, -1), 'takeDownReportedContent', 'notifyCustomerService'],
    };
    expect(problemsOf(chatPlan(1), takenDown)).toEqual(['timeline steps: extra content_removed', 'workflow activities: extra takeDownReportedContent']);
  });

  test('R7: two blocks for one approval fail, and so does a block after a rejection', () => {
    expect(problemsOf(chatPlan(1), { ...approvedChatFound(1), blockActivations: 2 })).toEqual(['2 block(s) of the author (R7), planned 1']);
    const rejectPlan = chatPlan(3, { decision: 'reject' });
    const found = approvedChatFound(3);
    const rejected: FoundReport = {
      ...found,
      reports: [{ ...found.reports[0], status: 'rejected', steps: found.reports[0].steps.filter((s) => s !== 'auto_block' && s !== 'sanctioned') }],
      tickets: [{ kind: 'report_decided', outcome: 'rejected' }],
      authorNotices: [],
      sanctions: [],
      sanctionWorkflows: {},
      activities: found.activities.filter((a) => a !== 'blockReportedUser' && a !== 'sanctionReportedAccount'),
    };
    expect(problemsOf(rejectPlan, rejected)).toEqual(['1 block(s) of the author (R7), planned 0', 'block of the author is on (R7), planned off']);
  });

  test('a step that ran twice in the workflow fails, and so does a step missing from the timeline', () => {
    const found = approvedChatFound(1);
    expect(problemsOf(chatPlan(1), { ...found, activities: [...found.activities, 'notifyCustomerService'] })).toEqual([
      'workflow activities: extra notifyCustomerService',
    ]);
    const steps = found.reports[0].steps.filter((s) => s !== 'cs_notified');
    expect(problemsOf(chatPlan(1), { ...found, reports: [{ ...found.reports[0], steps }] })).toEqual(['timeline steps: missing cs_notified']);
  });

  test('the planned notices and sanction: an escalation owes the CS follow-up notice; an illegal-content approval a permanent sanction (R9)', () => {
    const escalated = chatPlan(1, { escalate: true });
    expect(problemsOf(escalated, approvedChatFound(1))).toEqual(['notices to the reporter: missing cs_follow_up']);
    const illegal = chatPlan(1, { reasons: ['illegal_content'] });
    const found = { ...approvedChatFound(1), reporterNotices: ['report_received', 'report_outcome', 'cs_follow_up'] };
    expect(problemsOf(illegal, found)).toEqual(['sanctions (R9): missing permanent; extra warning']);
    expect(problemsOf(chatPlan(1), { ...approvedChatFound(1), sanctions: [], sanctionWorkflows: {} })).toEqual(['sanctions (R9): missing warning']);
    expect(problemsOf(chatPlan(1), { ...approvedChatFound(1), authorNotices: [] })).toEqual(['notices to the author: missing sanction_statement']);
  });

  test('a filing stored twice, or not at all, fails and names the filing', () => {
    const found = approvedChatFound(1);
    expect(problemsOf(chatPlan(1), { ...found, reports: [...found.reports, { ...found.reports[0], reportId: 'rpt-1b' }] })).toEqual([
      'expected exactly one report for the filing, found 2',
    ]);
    expect(checkReport(chatPlan(1), { ...found, reports: [] })).toEqual([
      { index: 1, subject: 'filing 1 (reporter r1)', problem: 'expected exactly one report for the filing, found 0' },
    ]);
  });

  test('a second lifecycle workflow run, or one not completed, fails; a sanction workflow must stay open for appeals', () => {
    expect(problemsOf(chatPlan(1), { ...approvedChatFound(1), workflows: ['COMPLETED', 'COMPLETED'] })).toEqual([
      'lifecycle workflow executions: extra COMPLETED',
    ]);
    expect(problemsOf(chatPlan(1), { ...approvedChatFound(1), workflows: ['RUNNING'] })).toEqual([
      'lifecycle workflow executions: missing COMPLETED; extra RUNNING',
    ]);
    expect(problemsOf(chatPlan(1), { ...approvedChatFound(1), sanctionWorkflows: { 'snc-1': ['FAILED'] } })).toEqual([
      'sanction snc-1 workflow executions: missing RUNNING; extra FAILED',
    ]);
  });

  test('R4: a refused filing passes with nothing stored and fails with a stored report', () => {
    const refused = chatPlan(5, { friends: true });
    const nothing: FoundReport = {
      ...approvedChatFound(5),
      reports: [],
      reporterNotices: [],
      authorNotices: [],
      tickets: [],
      sanctions: [],
      sanctionWorkflows: {},
    };
    expect(checkReport(refused, nothing)).toEqual([]);
    expect(problemsOf(refused, { ...nothing, reports: approvedChatFound(5).reports, reporterNotices: ['report_received'] })).toEqual([
      'refused filing (R4) stored 1 report(s)',
      'notices to the reporter: extra report_received',
    ]);
  });
});
