import { mintToken } from '../src/auth/mint-token';
import { DEMO_IDEMPOTENCY_KEY } from '../src/demo/demo-data';
import { keyedReportId } from '../src/reports/filing-identity';

interface Banner {
  /** ID_HMAC_SECRET the API keys report ids with. */
  idSecret: string;
  apiUrl: string;
  temporalUi?: string;
  /** Present when tokens are HS256 (the embedded default); absent with an identity provider. */
  jwtSecret?: string;
}

/** What `npm start` prints once everything answers: where to look, tokens, and what to paste. */
export async function printQuickStart({ idSecret, apiUrl, temporalUi, jwtSecret }: Banner): Promise<void> {
  // The demo report's id follows from its Idempotency-Key, so the approve command can name it.
  const reportId = keyedReportId(idSecret, 'alice', DEMO_IDEMPOTENCY_KEY);
  const tokens = jwtSecret
    ? [
        'Tokens, one per role (valid 12 h; mint more with `npm run token -- --role moderator --sub mod-2`):',
        `export APP_TOKEN=${await mintToken(jwtSecret, { sub: 'demo-app', roles: ['app'] })}`,
        `export MODERATOR_TOKEN=${await mintToken(jwtSecret, { sub: 'mod-1', roles: ['moderator'] })}`,
        `export SUPPORT_TOKEN=${await mintToken(jwtSecret, { sub: 'support-1', roles: ['support'] })}`,
        '',
      ]
    : ['Tokens come from your identity provider (AUTH_JWKS_URL); set APP_TOKEN and MODERATOR_TOKEN.', ''];
  const lines = [
    '',
    'Report lifecycle service is running.',
    `  API            ${apiUrl}`,
    `  OpenAPI docs   ${apiUrl}/docs`,
    `  Console        ${apiUrl}/console (sign in with the moderator or the support token below)`,
    `  Health         ${apiUrl}/health`,
    temporalUi ? `  Temporal UI    ${temporalUi}` : '  Temporal UI    (external Temporal: use its own Web UI)',
    '',
    ...tokens,
    '1) Alice reports a spam message from Dave (answered once its review is open):',
    `curl -s -X POST ${apiUrl}/v1/reports -H "Authorization: Bearer $APP_TOKEN" -H 'content-type: application/json' -H 'Idempotency-Key: ${DEMO_IDEMPOTENCY_KEY}' -H 'Prefer: wait=5' \\`,
    `  -d '{"reporterId":"alice","target":{"kind":"chat_message","id":"chat-alice-dave-000000"},"reasons":["spam_advertising","fraud_scam"]}'`,
    '',
    '2) A moderator approves it (Dave is then blocked for Alice and CS gets a ticket):',
    `curl -s -X POST ${apiUrl}/v1/reports/${reportId}/approve -H "Authorization: Bearer $MODERATOR_TOKEN" -H 'content-type: application/json' -d '{}'`,
    '',
    ...(temporalUi
      ? [
          `3) Watch it in the Temporal UI as support: open ${apiUrl}/console, sign in with the`,
          `SUPPORT_TOKEN above, find report ${reportId} (or its follow-up ticket) and follow its`,
          '"Temporal UI" link; the sign-in lets that UI decrypt the history in this browser.',
          '',
        ]
      : []),
    'Press Ctrl-C to stop everything.',
    '',
  ];
  process.stdout.write(lines.join('\n') + '\n');
}
