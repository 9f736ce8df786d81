import { DEMO_IDEMPOTENCY_KEY } from '../src/demo/demo-data';
import { keyedReportId } from '../src/reports/filing-identity';
import { reportWorkflowId } from '../workflows/definitions';

/** What `npm start` prints once everything answers: where to look and what to paste. */
export function printQuickStart({ apiUrl, temporalUi }: { apiUrl: string; temporalUi?: string }): void {
  // The demo report's id follows from its Idempotency-Key, so the approve command can name it.
  const reportId = keyedReportId('alice', DEMO_IDEMPOTENCY_KEY);
  const lines = [
    '',
    'Report lifecycle service is running.',
    `  API            ${apiUrl}`,
    `  OpenAPI docs   ${apiUrl}/docs`,
    `  Health         ${apiUrl}/health`,
    temporalUi ? `  Temporal UI    ${temporalUi}` : '  Temporal UI    (external Temporal: use its own Web UI)',
    '',
    '1) Alice reports a spam message from Dave:',
    `curl -s -X POST ${apiUrl}/v1/reports -H 'content-type: application/json' -H 'Idempotency-Key: ${DEMO_IDEMPOTENCY_KEY}' \\`,
    `  -d '{"reporterId":"alice","target":{"kind":"chat_message","id":"msg-dave-1"},"reasons":["spam_advertising","fraud_scam"]}'`,
    '',
    '2) A moderator approves it (Dave is then blocked for Alice and CS gets a ticket):',
    `curl -s -X POST ${apiUrl}/v1/reports/${reportId}/approve -H 'content-type: application/json' -d '{"moderatorId":"mod-1"}'`,
    '',
    temporalUi ? `Watch it: ${temporalUi}/namespaces/default/workflows/${reportWorkflowId(reportId)}` : '',
    'Press Ctrl-C to stop everything.',
    '',
  ];
  process.stdout.write(lines.join('\n') + '\n');
}
