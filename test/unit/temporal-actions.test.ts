import { historyFromJSON } from '@temporalio/common/lib/proto-utils';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { billableActions } from '../../bench/lib/temporal-actions';

const recorded = (file: string) => historyFromJSON(JSON.parse(readFileSync(join(__dirname, '..', 'replay', 'histories', file), 'utf8')));

// Expected counts worked out by hand from Temporal Cloud's published rules, reading each history's events.
describe('billable Temporal actions counted from a history', () => {
  it('an approved chat-message report filed with Prefer: wait', () => {
    // 1 start (update-with-start) + 2 updates accepted (pastReceived, decide) + 7 activities
    // (evidence, room, review, decision, block, sanction, CS notice), none retried + 2 status
    // upserts (awaiting_review, approved) + 1 review-deadline timer = 13.
    const count = billableActions(recorded('filed-with-wait.json'));
    expect(count.byKind).toEqual({
      'workflow started': 1,
      'update accepted': 2,
      'activity started': 7,
      'search-attribute upsert': 2,
      'timer started': 1,
    });
    expect(count.total).toBe(13);
  });

  it('a report decided by two signals: each signal is an action, the first decision wins', () => {
    // 1 start + 7 activities + 2 upserts + 1 timer + 2 signals, no update = 13.
    const count = billableActions(recorded('decided-by-signal.json'));
    expect(count.byKind.signal).toBe(2);
    expect(count.byKind['update accepted']).toBeUndefined();
    expect(count.total).toBe(13);
  });

  it('R10: an approved Open Chat post: the take-down step is one more activity', () => {
    // 1 start + 1 update accepted (decide; filed without Prefer: wait) + 7 activities (evidence,
    // review, decision, block, sanction, take-down, CS notice; no room to delete), none retried
    // + 2 status upserts (awaiting_review, approved) + 1 review-deadline timer = 12.
    const count = billableActions(recorded('approved-open-chat-post.json'));
    expect(count.byKind).toEqual({
      'workflow started': 1,
      'update accepted': 1,
      'activity started': 7,
      'search-attribute upsert': 2,
      'timer started': 1,
    });
    expect(count.total).toBe(12);
  });

  it('a notice delivered on its second attempt: the retry is one more action', () => {
    // 1 start + 1 activity scheduled + 1 retry (its started event says attempt 2) = 3.
    const count = billableActions(recorded('notice-delivered.json'));
    expect(count.byKind).toEqual({ 'workflow started': 1, 'activity started': 1, 'activity retried': 1 });
    expect(count.total).toBe(3);
  });
});
