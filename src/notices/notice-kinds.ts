/**
 * Every kind of notice the service sends. A notice has one recipient and is stored once per
 * kind and subject (`${kind}-${subjectId}`), so recording it again changes nothing.
 */
export const NOTICE_KINDS = [
  // To the reporter (DSA Art. 16(4), 16(5)): the report was received; how it ended.
  'report_received',
  'report_outcome',
  // To the reporter (R9): the report went to customer service with high priority, and what CS does.
  'cs_follow_up',
  // To the reporter (R3): a false report was counted; reporting is restricted.
  'false_report_warning',
  'reporting_restricted',
  // To the sanctioned user (R9, DSA Art. 17): the statement of reasons, then how the sanction ended.
  'sanction_statement',
  'sanction_ended',
  'sanction_lifted',
  'sanction_overturned',
  'appeal_denied',
] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];

/** Who the recipient is to the report; a notice to the reported person never names the reporter (R2). */
export const NOTICE_AUDIENCES = ['reporter', 'reported'] as const;
export type NoticeAudience = (typeof NOTICE_AUDIENCES)[number];
