import { POLICY_CODES, REPORT_REASONS, policyCategoriesOf } from '../../src/reports/report-reasons';

describe('R10: reasons map to policy categories', () => {
  test('every reason maps to a known policy category', () => {
    for (const reason of REPORT_REASONS) expect(POLICY_CODES).toContain(reason.policyCategory);
  });

  test('categories are listed once each, in the order of the reasons', () => {
    expect(policyCategoriesOf(['violent_threatening', 'abusive_hateful', 'violent_threatening'])).toEqual(['violence_threats', 'hate_harassment']);
  });
});
