import { historyFromJSON } from '@temporalio/common/lib/proto-utils';
import { Worker } from '@temporalio/worker';
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { payloadDataConverter } from '../../src/payload-encryption/payload-keys';
import { testServers } from '../support/test-env';

const HISTORIES = join(__dirname, 'histories');

/**
 * Determinism guard: histories recorded from every workflow branch (see
 * test/workflows, RECORD_HISTORIES=1) must replay against today's workflow code. A change that
 * would break running reports fails here; guard it with patched() instead (see README).
 */
describe('replaying recorded histories of every workflow', () => {
  test('every recorded branch replays without non-determinism', async () => {
    const files = (await readdir(HISTORIES)).filter((f) => f.endsWith('.json')).sort();
    // Every file is listed, so a history cannot go missing (or arrive) unnoticed.
    expect(files).toEqual(
      [
        'approved.json',
        'duplicate-decision.json',
        'expired.json',
        'overdue-then-approved.json',
        'refused.json',
        'rejected.json',
        // Recorded before the R3 strike step existed: proves the patched() guard keeps it replayable.
        'rejected-before-false-report-strikes.json',
        // The notice delivery workflow: delivered after retries, and given up.
        'notice-delivered-after-retries.json',
        'notice-undeliverable.json',
        // Case decisions: a report taking its case's decision, and one decision fanned out.
        'case-decision-inherited.json',
        'case-decision-fan-out.json',
        // Approvals recorded before the sanction step (patched('sanctions')) existed.
        'approved-before-sanctions.json',
        'overdue-then-approved-before-sanctions.json',
        // The sanction workflow's branches.
        'sanction-ended.json',
        'sanction-lifted.json',
        'sanction-overturned.json',
        'sanction-ended-then-overturned.json',
        'sanction-warning.json',
        'sanction-permanent-lifted.json',
        'sanction-pending-appeal-denied.json',
        'sanction-undelivered-upheld.json',
        // Recorded before the friend check moved to filing and the review opening was folded
        // into the step before it (patches admission-at-filing, review-opened-with-step).
        'approved-before-admission-at-filing.json',
        'expired-before-admission-at-filing.json',
        'overdue-then-approved-before-admission-at-filing.json',
        'duplicate-decision-before-admission-at-filing.json',
        'invalid-decision-before-admission-at-filing.json',
        'open-chat-post-before-admission-at-filing.json',
        'rejected-before-admission-at-filing.json',
        'signals-before-admission-at-filing.json',
        // The friend check as an activity, recorded on this branch before the case and sanction steps.
        'admitted-by-activity-before-cases.json',
        // The other report branches, recorded before the friend check moved to filing.
        'duplicate-decision-before-sanctions.json',
        'invalid-decision.json',
        'notice-not-found.json',
        'open-chat-post-before-sanctions.json',
        'open-chat-post.json',
        'signals.json',
        // Every report branch recorded since the check moved to filing (with the case and sanction
        // steps), before the case decision came with the review opening.
        'admitted-by-activity-admitted-at-filing.json',
        'approved-admitted-at-filing.json',
        'case-decision-fan-out-admitted-at-filing.json',
        'case-decision-inherited-admitted-at-filing.json',
        'duplicate-decision-admitted-at-filing.json',
        'expired-admitted-at-filing.json',
        'invalid-decision-admitted-at-filing.json',
        'open-chat-post-admitted-at-filing.json',
        'overdue-then-approved-admitted-at-filing.json',
        'refused-admitted-at-filing.json',
        'rejected-admitted-at-filing.json',
        'signals-admitted-at-filing.json',
        // Every report branch recorded since the review-opening step also answers with the
        // case's decision (patch case-decision-with-review).
        'admitted-by-activity-case-with-review.json',
        'approved-case-with-review.json',
        'case-decision-fan-out-case-with-review.json',
        'case-decision-inherited-case-with-review.json',
        'case-decision-inherited-chat-case-with-review.json',
        'duplicate-decision-case-with-review.json',
        'expired-case-with-review.json',
        'invalid-decision-case-with-review.json',
        'open-chat-post-case-with-review.json',
        'overdue-then-approved-case-with-review.json',
        'refused-case-with-review.json',
        'rejected-case-with-review.json',
        'signals-case-with-review.json',
        // Every report branch recorded since the steps run as local activities (patch
        // steps-as-local-activities): a marker per step instead of activity events.
        'admitted-by-activity-local-steps.json',
        'approved-local-steps.json',
        'case-decision-fan-out-local-steps.json',
        'case-decision-inherited-chat-local-steps.json',
        'case-decision-inherited-local-steps.json',
        'duplicate-decision-local-steps.json',
        'expired-local-steps.json',
        'invalid-decision-local-steps.json',
        'open-chat-post-local-steps.json',
        'overdue-then-approved-local-steps.json',
        'refused-local-steps.json',
        'rejected-local-steps.json',
        'signals-local-steps.json',
        // Every report branch recorded since the first step after the decision runs as an
        // activity (patch first-outcome-step-as-activity): it closes the task, no timer.
        'admitted-by-activity-outcome-activity.json',
        'approved-outcome-activity.json',
        'case-decision-fan-out-outcome-activity.json',
        'case-decision-inherited-chat-outcome-activity.json',
        'case-decision-inherited-outcome-activity.json',
        'duplicate-decision-outcome-activity.json',
        'expired-outcome-activity.json',
        'invalid-decision-outcome-activity.json',
        'open-chat-post-outcome-activity.json',
        'overdue-then-approved-outcome-activity.json',
        'refused-outcome-activity.json',
        'rejected-outcome-activity.json',
        'signals-outcome-activity.json',
        // Filed with Prefer: wait: the update pastReceived, answered once the review opened.
        'filed-with-wait-outcome-activity.json',
        // Every report branch recorded since the evidence step deletes the chat room too (patch
        // evidence-and-room-in-one-step): one step fewer for a chat message.
        'admitted-by-activity-room-with-evidence.json',
        'approved-room-with-evidence.json',
        'case-decision-fan-out-room-with-evidence.json',
        'case-decision-inherited-chat-room-with-evidence.json',
        'case-decision-inherited-room-with-evidence.json',
        'duplicate-decision-room-with-evidence.json',
        'expired-room-with-evidence.json',
        'filed-with-wait-room-with-evidence.json',
        'invalid-decision-room-with-evidence.json',
        'open-chat-post-room-with-evidence.json',
        'overdue-then-approved-room-with-evidence.json',
        'refused-room-with-evidence.json',
        'rejected-room-with-evidence.json',
        'signals-room-with-evidence.json',
        // Every report branch recorded since an approval's block, sanction and CS notice are one
        // step (patch approval-in-one-step): two steps fewer after an approval.
        'admitted-by-activity-approval-in-one-step.json',
        'approved-approval-in-one-step.json',
        'case-decision-fan-out-approval-in-one-step.json',
        'case-decision-inherited-chat-approval-in-one-step.json',
        'case-decision-inherited-approval-in-one-step.json',
        'duplicate-decision-approval-in-one-step.json',
        'expired-approval-in-one-step.json',
        'filed-with-wait-approval-in-one-step.json',
        'invalid-decision-approval-in-one-step.json',
        'open-chat-post-approval-in-one-step.json',
        'overdue-then-approved-approval-in-one-step.json',
        'refused-approval-in-one-step.json',
        'rejected-approval-in-one-step.json',
        'signals-approval-in-one-step.json',
      ].sort(),
    );
    const histories = await Promise.all(
      files.map(async (file) => ({
        workflowId: file.replace('.json', ''),
        history: historyFromJSON(JSON.parse(await readFile(join(HISTORIES, file), 'utf8'))),
      })),
    );
    const failures: string[] = [];
    for await (const result of Worker.runReplayHistories(
      // With the production codec: histories recorded before encryption (plaintext payloads) must still replay.
      { workflowBundle: { codePath: testServers().workflowBundlePath }, dataConverter: payloadDataConverter(testServers().payloadKeys) },
      histories,
    )) {
      if (result.error) failures.push(`${result.workflowId}: ${result.error.message}`);
    }
    expect(failures).toEqual([]);
  });
});
