import { POLICY_CODES, REPORT_REASONS, policyCategoriesOf } from '../../src/reports/report-reasons';
import { decodeCursor, encodeCursor } from '../../src/moderation/queue-cursor';

describe('R10: reasons map to policy categories', () => {
  test('every reason maps to a known policy category', () => {
    for (const reason of REPORT_REASONS) expect(POLICY_CODES).toContain(reason.policyCategory);
  });

  test('categories are listed once each, in the order of the reasons', () => {
    expect(policyCategoriesOf(['violent_threatening', 'abusive_hateful', 'violent_threatening'])).toEqual([
      'violence_threats',
      'hate_harassment',
    ]);
  });
});

describe('moderation queue cursor', () => {
  test('round-trips a position', () => {
    const position = { openedAt: new Date('2026-05-01T10:00:00.123Z'), id: 'rpt_abc' };
    expect(decodeCursor(encodeCursor(position))).toEqual(position);
  });

  test.each(['garbage', Buffer.from('["not a date","x"]').toString('base64url'), Buffer.from('["2026-01-01T00:00:00Z","$gt"]').toString('base64url')])(
    'a forged cursor %s is 400 INVALID_CURSOR',
    (cursor) => {
      expect(() => decodeCursor(cursor)).toThrow(expect.objectContaining({ code: 'INVALID_CURSOR' }));
    },
  );
});
