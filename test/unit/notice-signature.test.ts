import { createHmac } from 'node:crypto';
import { isValidNoticeSignature, signNotice } from '../../src/notices/delivery/signature';
import { deliveryState } from '../../src/notices/notice-delivery-log.service';

describe('notice webhook signature', () => {
  const secret = 'whsec-test-0123456789abcdef';
  const body = JSON.stringify({ noticeId: 'report_received-rpt_1', text: 'We received your report' });

  test('is "sha256=" + hex HMAC-SHA256 of `${timestamp}.${body}` with the secret', () => {
    const expected = `sha256=${createHmac('sha256', secret).update(`1767225600.${body}`).digest('hex')}`;
    expect(signNotice(secret, 1767225600, body)).toBe(expected);
    expect(signNotice(secret, '1767225600', body)).toBe(expected);
  });

  test('matches a fixed vector (HMAC-SHA256, key "key", text "0.The quick brown fox jumps over the lazy dog")', () => {
    // Computed independently of the code under test.
    const vector = createHmac('sha256', 'key').update('0.The quick brown fox jumps over the lazy dog').digest('hex');
    expect(signNotice('key', 0, 'The quick brown fox jumps over the lazy dog')).toBe(`sha256=${vector}`);
  });

  test('verification refuses another body, timestamp or secret', () => {
    const signature = signNotice(secret, 100, body);
    expect(isValidNoticeSignature(secret, '100', body, signature)).toBe(true);
    expect(isValidNoticeSignature(secret, '101', body, signature)).toBe(false);
    expect(isValidNoticeSignature(secret, '100', `${body} `, signature)).toBe(false);
    expect(isValidNoticeSignature('another-secret-0123456789', '100', body, signature)).toBe(false);
    expect(isValidNoticeSignature(secret, '100', body, 'sha256=00')).toBe(false);
  });
});

describe('notice delivery state (a projection of append-only attempts)', () => {
  test.each([
    [[], false, 'stored_only'],
    [[], true, 'pending'],
    [['failed'], true, 'pending'],
    [['failed', 'failed', 'delivered'], true, 'delivered'],
    [['failed', 'gave_up'], true, 'undeliverable'],
    // A slow attempt that succeeded after the give-up was written still counts as delivered.
    [['failed', 'gave_up', 'delivered'], true, 'delivered'],
  ] as const)('%j (webhook %s) is %s', (outcomes, configured, state) => {
    expect(deliveryState([...outcomes], configured)).toBe(state);
  });
});
