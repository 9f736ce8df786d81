import type { WorkerOptions } from '@temporalio/worker';
import type { AppConfig } from '../config/app-config';

type Tuning = Pick<WorkerOptions, 'maxCachedWorkflows' | 'maxConcurrentActivityTaskExecutions' | 'maxConcurrentWorkflowTaskExecutions'>;

/**
 * Worker limits, shared with the benchmark's baseline worker so both run alike.
 * - Cache: a report waits days for a moderator, and a cached workflow holds memory all that time
 *   (the SDK's default sizes the cache from the heap limit: thousands of workflows). Replaying an
 *   evicted one on the next signal costs a few milliseconds: its history has under 60 events.
 * - Concurrency: every activity writes to one database that serializes writes (FerretDB on
 *   SQLite); past a few dozen in flight, more only lengthens its queue and each timeout's odds.
 */
export function workerTuning(config: AppConfig): Tuning {
  return {
    maxCachedWorkflows: config.workerMaxCachedWorkflows,
    maxConcurrentActivityTaskExecutions: config.workerMaxConcurrentActivities,
    maxConcurrentWorkflowTaskExecutions: config.workerMaxConcurrentWorkflowTasks,
  };
}
