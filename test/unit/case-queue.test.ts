import { caseIdOf, targetOfCase } from '../../src/cases/case-id';
import { QueueReport, buildCaseQueue } from '../../src/cases/case-queue';
import { caseStatusOf } from '../../src/cases/case-status';
import { AppConfig } from '../../src/config/app-config';
import { DEFAULT_REASON_WEIGHTS, ReasonWeights, reasonWeightsOf } from '../../src/cases/reason-weights';
import { decodeCursor, encodeCursor } from '../../src/cases/queue-cursor';
import { CaseEvent, caseEventId } from '../../src/cases/schemas/case-event.schema';

const T0 = new Date('2026-05-01T10:00:00.000Z');
const minutes = (n: number) => new Date(T0.getTime() + n * 60_000);

function report(id: string, targetId: string, reasons: string[], openedMinutes: number, kind = 'open_chat_post', reporterId = `user-${id}`): QueueReport {
  const at = minutes(openedMinutes);
  return {
    _id: id,
    target: { kind, id: targetId },
    reasons,
    policyCategories: [],
    reviewOpenedAt: at,
    createdAt: at,
    reporterId,
    reportedUserId: `author-${targetId}`,
  };
}

function event(caseId: string, seq: number, type: CaseEvent['type'], moderatorId: string, atMinutes: number, extra: Partial<CaseEvent> = {}): CaseEvent {
  return { _id: caseEventId(caseId, seq), caseId, seq, type, moderatorId, at: minutes(atMinutes), ...extra };
}

const options = { now: minutes(60), moderatorId: 'mod-0', weights: DEFAULT_REASON_WEIGHTS, reviewDeadlineMs: 30 * 60_000, limit: 20 };

describe('case ids', () => {
  test('a case id is derived from the target and read back from it', () => {
    const id = caseIdOf({ kind: 'open_chat_comment', id: 'cmt-1_x' });
    expect(id).toBe('case-open_chat_comment-cmt-1_x');
    expect(targetOfCase(id)).toEqual({ kind: 'open_chat_comment', id: 'cmt-1_x' });
    expect(targetOfCase('case-unknown-x')).toBeNull();
    expect(targetOfCase('rpt_123')).toBeNull();
  });
});

describe('case status from its events', () => {
  const caseId = 'case-open_chat_post-p1';

  test('a claim holds until it expires; unclaim by another moderator changes nothing', () => {
    const events = [event(caseId, 0, 'claim', 'mod-1', 0, { expiresAt: minutes(10) }), event(caseId, 1, 'unclaim', 'mod-2', 1)];
    expect(caseStatusOf(events, minutes(5)).claim).toMatchObject({ moderatorId: 'mod-1' });
    expect(caseStatusOf(events, minutes(10)).claim).toBeNull();
    expect(caseStatusOf(events, minutes(5)).eventCount).toBe(2);
  });

  test('a decision ends the claim; a reopen keeps the last decision but opens the case', () => {
    const decided = [
      event(caseId, 0, 'claim', 'mod-1', 0, { expiresAt: minutes(10) }),
      event(caseId, 1, 'decision', 'mod-1', 2, { decision: { outcome: 'approved', policy: 'spam' } }),
    ];
    expect(caseStatusOf(decided, minutes(3))).toMatchObject({
      state: 'decided',
      claim: null,
      lastDecision: { decisionId: caseEventId(caseId, 1), outcome: 'approved', policy: 'spam' },
    });
    const reopened = caseStatusOf([...decided, event(caseId, 2, 'reopen', 'mod-2', 4)], minutes(5));
    expect(reopened).toMatchObject({ state: 'open', reopenedAt: minutes(4), lastDecision: { outcome: 'approved' }, eventCount: 3 });
  });
});

describe('the case queue', () => {
  test('reports on one target are one item with their count and the union of their reasons', () => {
    const page = buildCaseQueue(
      [report('r1', 'p1', ['spam_advertising'], 1), report('r2', 'p1', ['abusive_hateful', 'spam_advertising'], 2), report('r3', 'p1', ['other'], 3)],
      new Map(),
      options,
    );
    expect(page.items).toHaveLength(1);
    expect(page.items[0]).toMatchObject({ caseId: 'case-open_chat_post-p1', reportCount: 3, reasons: ['abusive_hateful', 'other', 'spam_advertising'] });
    expect(page.items[0].reports.map((r) => r.reportId)).toEqual(['r1', 'r2', 'r3']);
  });

  test('priority weight first, then the oldest report; filters by reason', () => {
    const reports = [
      report('a', 'spam-old', ['spam_advertising'], 0),
      report('b', 'threat-new', ['violent_threatening'], 30),
      report('c', 'hate', ['abusive_hateful'], 10),
      report('d', 'illegal-old', ['illegal_content'], 20),
    ];
    const order = buildCaseQueue(reports, new Map(), options).items.map((i) => i.target.id);
    expect(order).toEqual(['illegal-old', 'threat-new', 'hate', 'spam-old']);
    const weighted = reasonWeightsOf(new AppConfig({ QUEUE_REASON_WEIGHTS: 'spam_advertising=500' }).queueReasonWeights);
    expect(buildCaseQueue(reports, new Map(), { ...options, weights: weighted }).items[0].target.id).toBe('spam-old');
    expect(buildCaseQueue(reports, new Map(), { ...options, reason: 'abusive_hateful' }).items.map((i) => i.target.id)).toEqual(['hate']);
  });

  test('a case claimed by another moderator is hidden; the claimer still sees it; a decided case is hidden', () => {
    const claimed = 'case-open_chat_post-p1';
    const events = new Map([
      [claimed, [event(claimed, 0, 'claim', 'mod-1', 50, { expiresAt: minutes(70) })]],
      ['case-open_chat_post-p2', [event('case-open_chat_post-p2', 0, 'decision', 'mod-1', 50, { decision: { outcome: 'rejected' } })]],
    ]);
    const reports = [report('r1', 'p1', ['other'], 1), report('r2', 'p2', ['other'], 1), report('r3', 'p3', ['other'], 1)];
    expect(buildCaseQueue(reports, events, { ...options, moderatorId: 'mod-2' }).items.map((i) => i.target.id)).toEqual(['p3']);
    const mine = buildCaseQueue(reports, events, { ...options, moderatorId: 'mod-1' }).items;
    expect(mine.map((i) => i.target.id)).toEqual(['p1', 'p3']);
    expect(mine[0].claim).toEqual({ moderatorId: 'mod-1', expiresAt: minutes(70) });
    expect(buildCaseQueue(reports, events, { ...options, moderatorId: 'mod-2', now: minutes(71) }).items.map((i) => i.target.id)).toEqual(['p1', 'p3']);
  });

  test('a moderator is not shown a case they reported (one report of several) or that is about them', () => {
    const reports = [
      report('r1', 'p1', ['other'], 1),
      report('r2', 'p1', ['other'], 2, 'open_chat_post', 'mod-2'),
      report('r3', 'p2', ['other'], 1),
      report('r4', 'p3', ['other'], 1),
    ];
    const listedFor = (moderatorId: string) => buildCaseQueue(reports, new Map(), { ...options, moderatorId }).items.map((i) => i.target.id);
    expect(listedFor('mod-2')).toEqual(['p2', 'p3']);
    expect(listedFor('author-p2')).toEqual(['p1', 'p3']);
    expect(listedFor('mod-0')).toEqual(['p1', 'p2', 'p3']);
  });

  test('SLA: due until REVIEW_DEADLINE after the oldest report opened, then overdue', () => {
    const items = buildCaseQueue([report('r1', 'old', ['other'], 0), report('r2', 'new', ['other'], 45)], new Map(), options).items;
    expect(items.map((i) => [i.target.id, i.sla.state])).toEqual([
      ['old', 'overdue'],
      ['new', 'due'],
    ]);
    expect(items[1].sla.dueAt).toEqual(minutes(75));
  });

  test('pages follow the cursor without repeats or gaps', () => {
    const reports = Array.from({ length: 7 }, (_, i) => report(`r${i}`, `p${i}`, [i % 2 ? 'other' : 'illegal_content'], i));
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = buildCaseQueue(reports, new Map(), { ...options, limit: 3, ...(cursor ? { after: decodeCursor(cursor) } : {}) });
      seen.push(...page.items.map((i) => i.target.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(['p0', 'p2', 'p4', 'p6', 'p1', 'p3', 'p5']);
  });
});

describe('queue settings and cursor', () => {
  test('QUEUE_REASON_WEIGHTS replaces the weights it names; the others keep their defaults', () => {
    const weights = reasonWeightsOf(new AppConfig({ QUEUE_REASON_WEIGHTS: 'illegal_content=5, other=0' }).queueReasonWeights);
    expect(weights).toMatchObject({ illegal_content: 5, other: 0, violent_threatening: 100, spam_advertising: 10 });
  });

  test('a QUEUE_REASON_WEIGHTS that is not reason=integer, names no reason of the catalogue or weighs over 1000 is refused at start-up', () => {
    expect(() => new AppConfig({ QUEUE_REASON_WEIGHTS: 'other=high' })).toThrow(/QUEUE_REASON_WEIGHTS[\s\S]*integer/);
    // ReasonWeights is created when the API boots: this is the error the boot stops with.
    const weightsOf = (raw: string) => () => new ReasonWeights(new AppConfig({ QUEUE_REASON_WEIGHTS: raw }));
    expect(weightsOf('nonsense=1')).toThrow(/QUEUE_REASON_WEIGHTS[\s\S]*"nonsense" is not a reason/);
    expect(weightsOf('other=1001')).toThrow(/QUEUE_REASON_WEIGHTS[\s\S]*from 0 to 1000/);
    expect(weightsOf('other=1000')().byReason.other).toBe(1000);
  });

  test('a cursor round-trips; a forged one is 400 INVALID_CURSOR', () => {
    const position = { weight: 100, oldestAt: T0, caseId: 'case-chat_message-m1' };
    expect(decodeCursor(encodeCursor(position))).toEqual(position);
    for (const forged of [
      'garbage',
      Buffer.from('[1,"not a date","case-chat_message-m1"]').toString('base64url'),
      Buffer.from('[1,"2026-01-01T00:00:00Z","$gt"]').toString('base64url'),
    ]) {
      expect(() => decodeCursor(forged)).toThrow(expect.objectContaining({ code: 'INVALID_CURSOR' }));
    }
  });
});
