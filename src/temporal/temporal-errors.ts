import { WorkflowNotFoundError, WorkflowUpdateFailedError, isGrpcServiceError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { ApiError } from '../common/api-error';

const GRPC_UNAVAILABLE = 14;
const GRPC_DEADLINE_EXCEEDED = 4;

export function temporalUnavailable(): ApiError {
  return ApiError.unavailable('TEMPORAL_UNAVAILABLE', 'The workflow service is not reachable; nothing was changed. Retry later.');
}

/** The stable failure type a workflow raised to refuse an update, if that is what this is. */
export function updateRefusalType(error: unknown): string | undefined {
  if (!(error instanceof WorkflowUpdateFailedError)) return undefined;
  return error.cause instanceof ApplicationFailure ? (error.cause.type ?? undefined) : undefined;
}

export function isWorkflowGone(error: unknown): boolean {
  return error instanceof WorkflowNotFoundError || /already completed|not found/i.test(String((error as Error)?.message));
}

export function isTemporalUnavailable(error: unknown): boolean {
  if (isGrpcServiceError(error)) return [GRPC_UNAVAILABLE, GRPC_DEADLINE_EXCEEDED].includes(Number(error.code));
  const cause = (error as { cause?: unknown } | null)?.cause;
  return cause !== undefined && cause !== error && isTemporalUnavailable(cause);
}
