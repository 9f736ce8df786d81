/**
 * R1, R10: the "reasons for reporting" a reporter can tick, each mapped to the operation-policy
 * category a moderator judges it against.
 */
export const POLICY_CATEGORIES = {
  spam: 'Spam and commercial advertising',
  sexual_content: 'Obscene or sexual content',
  hate_harassment: 'Abuse, hate speech and harassment',
  violence_threats: 'Violence and threats',
  illegal_activity: 'Illegal content and activity',
  fraud: 'Fraud and scams',
  privacy: 'Exposure of personal information',
  impersonation: 'Impersonation',
  other: 'Other violations of the operation policy',
} as const;
export type PolicyCategory = keyof typeof POLICY_CATEGORIES;
export const POLICY_CODES = Object.keys(POLICY_CATEGORIES) as PolicyCategory[];

/** R10: the policies a moderator's decision can name, as the API lists them. */
export const POLICY_CATALOGUE: ReadonlyArray<{ code: PolicyCategory; label: string }> = POLICY_CODES.map((code) => ({
  code,
  label: POLICY_CATEGORIES[code],
}));

export interface ReportReason {
  code: string;
  label: string;
  policyCategory: PolicyCategory;
}

export const REPORT_REASONS: readonly ReportReason[] = [
  { code: 'spam_advertising', label: 'Spam or advertising', policyCategory: 'spam' },
  { code: 'obscene_sexual', label: 'Obscene or sexual content', policyCategory: 'sexual_content' },
  { code: 'abusive_hateful', label: 'Abusive or hateful language', policyCategory: 'hate_harassment' },
  { code: 'violent_threatening', label: 'Violence or threats', policyCategory: 'violence_threats' },
  { code: 'illegal_content', label: 'Illegal content or activity', policyCategory: 'illegal_activity' },
  { code: 'fraud_scam', label: 'Fraud or scam', policyCategory: 'fraud' },
  { code: 'personal_information', label: "Exposes someone's personal information", policyCategory: 'privacy' },
  { code: 'impersonation', label: 'Impersonation', policyCategory: 'impersonation' },
  { code: 'other', label: 'Other', policyCategory: 'other' },
];

export const REASON_CODES = REPORT_REASONS.map((r) => r.code);

/** Reasons whose reports CS should look at first (R9). */
export const URGENT_REASONS = new Set(['illegal_content', 'violent_threatening']);

export function policyCategoriesOf(reasonCodes: readonly string[]): PolicyCategory[] {
  const categories = reasonCodes.map((code) => REPORT_REASONS.find((r) => r.code === code)?.policyCategory ?? 'other');
  return [...new Set(categories)];
}
