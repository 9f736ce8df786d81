import { caseIdOf } from '../../src/cases/case-id';
import { QueueReport, buildCaseQueue, openedAt } from '../../src/cases/case-queue';
import { QueueState } from '../../src/cases/queue-state';
import { DEFAULT_REASON_WEIGHTS } from '../../src/cases/reason-weights';
import { decodeCursor } from '../../src/cases/queue-cursor';
import { CaseEvent, caseEventId } from '../../src/cases/schemas/case-event.schema';
import { feedEntryId } from '../../src/queue-feed/feed-position';

const T0 = new Date('2026-05-01T10:00:00.000Z').getTime();
const minutes = (n: number) => new Date(T0 + n * 60_000);
const KINDS = ['open_chat_post', 'open_chat_comment', 'chat_message'];
const REASONS = Object.keys(DEFAULT_REASON_WEIGHTS);
const MODERATORS = ['mod-1', 'mod-2', 'mod-3'];

/** A small deterministic generator (mulberry32), so a failure replays the same way. */
function random(seed: number): (n: number) => number {
  let a = seed;
  return (n) => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n);
  };
}

/** The queue computed the old way: every awaiting report in database order, events grouped by case. */
function direct(reports: Map<string, QueueReport>, events: Map<string, CaseEvent[]>, options: Parameters<QueueState['page']>[0]) {
  const awaiting = [...reports.values()]
    .filter((r) => !options.targetKind || r.target.kind === options.targetKind)
    .sort((a, b) => openedAt(a) - openedAt(b) || (a._id < b._id ? -1 : 1));
  return buildCaseQueue(awaiting, events, options);
}

describe('the in-memory queue answers what the queue computed from the database answers', () => {
  test.each([1, 2, 3, 4, 5])('after a random mix of filings, decisions, claims, unclaims and reopens (seed %i)', (seed) => {
    const pick = random(seed);
    const state = new QueueState(DEFAULT_REASON_WEIGHTS);
    const reports = new Map<string, QueueReport>();
    const events = new Map<string, CaseEvent[]>();
    const targets = Array.from({ length: 25 }, (_, i) => ({ kind: KINDS[i % 3], id: `t${i}` }));
    for (let step = 0; step < 400; step++) {
      const target = targets[pick(targets.length)];
      const caseId = caseIdOf(target as never);
      const op = pick(10);
      if (op < 5) {
        const reasons = [...new Set([REASONS[pick(REASONS.length)], REASONS[pick(REASONS.length)]])];
        const at = minutes(pick(120));
        const report: QueueReport = {
          _id: `r${step}`,
          target,
          reasons,
          policyCategories: [`p${pick(4)}`, `p${pick(4)}`],
          reviewOpenedAt: at,
          createdAt: at,
          // Now and then a moderator is the reporter or the reported person: hidden from them alone.
          reporterId: pick(8) ? `user-${step}` : MODERATORS[pick(3)],
          reportedUserId: pick(8) ? `author-${target.id}` : MODERATORS[pick(3)],
          ...(pick(2) ? { evidence: { rootDigest: `d${step}`, itemCount: pick(5) } } : {}),
        };
        reports.set(report._id, report);
        state.putReport(report, events.get(caseId) ?? []);
      } else if (op < 7 && reports.size > 0) {
        const gone = [...reports.keys()][pick(reports.size)];
        reports.delete(gone);
        state.dropReport(gone);
      } else {
        const list = events.get(caseId) ?? [];
        const types = ['claim', 'claim', 'unclaim', 'decision', 'reopen'] as const;
        const type = types[pick(types.length)];
        const seq = list.length;
        const event: CaseEvent = {
          _id: caseEventId(caseId, seq),
          caseId,
          seq,
          type,
          moderatorId: MODERATORS[pick(3)],
          at: minutes(pick(120)),
          ...(type === 'claim' ? { expiresAt: minutes(pick(240)) } : {}),
          ...(type === 'decision' ? { decision: { outcome: pick(2) ? 'approved' : 'rejected' } } : {}),
        };
        events.set(caseId, [...list, event]);
        state.setEvents(caseId, events.get(caseId)!);
      }
      if (step % 50 !== 49) continue;
      for (const query of [{}, { targetKind: 'chat_message' }, { reason: 'spam_advertising' }, { reason: 'other', targetKind: 'open_chat_post' }]) {
        for (const moderatorId of MODERATORS) {
          const options = {
            now: minutes(pick(240)),
            moderatorId,
            weights: DEFAULT_REASON_WEIGHTS,
            reviewDeadlineMs: 30 * 60_000,
            limit: 1 + pick(6),
            ...query,
          };
          // Walk every page with each side's own cursor: the pages and cursors must be the same.
          let cursor: string | null = null;
          do {
            const paged = { ...options, ...(cursor ? { after: decodeCursor(cursor) } : {}) };
            const expected = direct(reports, events, paged);
            expect(state.page(paged)).toEqual(expected);
            cursor = expected.nextCursor;
          } while (cursor);
        }
      }
    }
    expect(state.reportCount).toBe(reports.size);
  });
});

describe('queue feed positions', () => {
  test('ids are dense, zero-padded and sort as text', () => {
    expect(feedEntryId(42)).toBe('qf-000000000042');
    expect(feedEntryId(9) < feedEntryId(10)).toBe(true);
  });
});
