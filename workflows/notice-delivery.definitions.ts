// Shared by the API, the worker and the delivery workflow. Sandbox-safe: no Node APIs.

export interface NoticeDeliveryInput {
  noticeId: string;
  maxAttempts: number;
  initialIntervalMs: number;
  maximumIntervalMs: number;
  attemptTimeoutMs: number;
}

export interface NoticeDeliveryResult {
  noticeId: string;
  delivered: boolean;
}

/** One delivery workflow per notice: recording a notice twice finds the same workflow. */
export function noticeDeliveryWorkflowId(noticeId: string): string {
  return `notice-${noticeId}`;
}
