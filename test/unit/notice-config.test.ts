import { AppConfig } from '../../src/config/app-config';
import { escalationOf, ticketPriorityOf } from '../../src/reports/escalation';

describe('notice webhook configuration', () => {
  test('without NOTICE_WEBHOOK_URL notices are stored only; retry defaults apply', () => {
    const config = new AppConfig({});
    expect(config.noticeWebhook).toBeUndefined();
    expect(config.noticeDelivery).toEqual({ maxAttempts: 10, initialIntervalMs: 1_000, maximumIntervalMs: 600_000, attemptTimeoutMs: 10_000 });
  });

  test('the secret is required when the URL is set, and must not be short', () => {
    expect(() => new AppConfig({ NOTICE_WEBHOOK_URL: 'https://app.example/notices' })).toThrow(/NOTICE_WEBHOOK_SECRET: required/);
    expect(() => new AppConfig({ NOTICE_WEBHOOK_URL: 'https://app.example/notices', NOTICE_WEBHOOK_SECRET: 'short' })).toThrow(/at least 16/);
    const config = new AppConfig({ NOTICE_WEBHOOK_URL: 'https://app.example/notices', NOTICE_WEBHOOK_SECRET: 's'.repeat(32) });
    expect(config.noticeWebhook).toEqual({ url: 'https://app.example/notices', secret: 's'.repeat(32) });
  });

  test('every bad delivery setting is named in one start-up error', () => {
    expect(
      () =>
        new AppConfig({
          NOTICE_WEBHOOK_URL: 'ftp://app.example',
          NOTICE_WEBHOOK_SECRET: 's'.repeat(32),
          NOTICE_DELIVERY_MAX_ATTEMPTS: '0',
          NOTICE_DELIVERY_BACKOFF: 'soon',
        }),
    ).toThrow(/NOTICE_WEBHOOK_URL[\s\S]*NOTICE_DELIVERY_MAX_ATTEMPTS[\s\S]*NOTICE_DELIVERY_BACKOFF/);
    expect(() => new AppConfig({ NOTICE_WEBHOOK_SECRET: 's'.repeat(32) })).toThrow(/NOTICE_WEBHOOK_URL is not/);
    expect(() => new AppConfig({ NOTICE_DELIVERY_BACKOFF: '1m', NOTICE_DELIVERY_MAX_BACKOFF: '10s' })).toThrow(/NOTICE_DELIVERY_MAX_BACKOFF/);
  });
});

describe('R9: escalation to customer service', () => {
  test('illegal_content escalates, whatever the decision', () => {
    expect(escalationOf({ reasons: ['spam_advertising', 'illegal_content'] })).toBe('illegal_content');
    expect(ticketPriorityOf({ reasons: ['illegal_content'] })).toBe('high');
  });

  test('a moderator can escalate any report; otherwise only urgent reasons are high priority', () => {
    const decision = { outcome: 'rejected' as const, moderatorId: 'm', decidedAt: new Date() };
    expect(escalationOf({ reasons: ['spam_advertising'], decision: { ...decision, escalate: true } })).toBe('moderator');
    expect(ticketPriorityOf({ reasons: ['spam_advertising'], decision: { ...decision, escalate: true } })).toBe('high');
    expect(escalationOf({ reasons: ['violent_threatening'], decision })).toBeUndefined();
    expect(ticketPriorityOf({ reasons: ['violent_threatening'] })).toBe('high');
    expect(ticketPriorityOf({ reasons: ['spam_advertising'], decision })).toBe('normal');
  });
});
