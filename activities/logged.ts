import { Context } from '@temporalio/activity';
import type { Logger } from 'pino';

// `never`: any one-argument activity fits; each of ours takes an object with a reportId, noticeId, caseId or sanctionId.
type Activity = (input: never) => Promise<unknown>;

/**
 * Wraps every activity so each run leaves one structured line with the report (or sanction) and workflow it
 * belongs to. Only ids, names and outcomes are logged: inputs and results may carry evidence.
 */
export function withStepLogs<T extends Record<string, Activity>>(log: Logger, activities: T): T {
  const wrapped = Object.entries(activities).map(([name, run]) => {
    const logged = async (input: { reportId?: string; noticeId?: string; caseId?: string; sanctionId?: string }) => {
      const subject = input.noticeId
        ? { noticeId: input.noticeId }
        : input.caseId
          ? { caseId: input.caseId }
          : input.sanctionId
            ? { sanctionId: input.sanctionId }
            : { reportId: input.reportId };
      const stepLog = log.child({ ...subject, ...temporalIds(), activity: name });
      const started = Date.now();
      try {
        const result = await run(input as never);
        stepLog.info({ durationMs: Date.now() - started }, 'activity completed');
        return result;
      } catch (error) {
        stepLog.warn({ durationMs: Date.now() - started, errorType: (error as Error).name }, 'activity failed');
        throw error;
      }
    };
    return [name, logged];
  });
  return Object.fromEntries(wrapped) as T;
}

/** Outside a worker (direct calls in tests) there is no activity context: log without it. */
function temporalIds(): Record<string, string | number> {
  try {
    const info = Context.current().info;
    return { workflowId: info.workflowExecution?.workflowId ?? '', attempt: info.attempt };
  } catch {
    return {};
  }
}
