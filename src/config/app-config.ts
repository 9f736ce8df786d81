import { DEFAULT_TASK_QUEUE } from '../../workflows/definitions';
import { parseDuration } from './duration';

/**
 * Settings of both processes, read once from the environment and validated at start-up,
 * so a typo fails the boot instead of the first report.
 */
export class AppConfig {
  readonly port: number;
  readonly mongoUrl: string;
  readonly temporalAddress: string;
  readonly temporalNamespace: string;
  readonly taskQueue: string;
  readonly reviewDeadlineMs: number;
  readonly maxReviewWaitMs: number;
  readonly evidenceMaxMessages: number;
  readonly admissionWaitMs: number;
  readonly logLevel: string;
  readonly workerMaxCachedWorkflows: number;
  readonly workerMaxConcurrentActivities: number;
  readonly workerMaxConcurrentWorkflowTasks: number;

  constructor(env: NodeJS.ProcessEnv = process.env) {
    const problems: string[] = [];
    const read = <T>(name: string, fallback: string, parse: (raw: string) => T): T => {
      const raw = env[name] ?? fallback;
      try {
        return parse(raw);
      } catch (error) {
        problems.push(`${name}: ${(error as Error).message}`);
        return undefined as T;
      }
    };
    this.port = read('PORT', '3000', (raw) => positiveInt(raw, 65535));
    this.mongoUrl = read('MONGO_URL', 'mongodb://127.0.0.1:27017/reports?directConnection=true', mongoUrl);
    this.temporalAddress = read('TEMPORAL_ADDRESS', '127.0.0.1:7233', nonEmpty);
    this.temporalNamespace = read('TEMPORAL_NAMESPACE', 'default', nonEmpty);
    this.taskQueue = read('TEMPORAL_TASK_QUEUE', DEFAULT_TASK_QUEUE, nonEmpty);
    this.reviewDeadlineMs = read('REVIEW_DEADLINE', '72h', parseDuration);
    this.maxReviewWaitMs = read('MAX_REVIEW_WAIT', '30d', parseDuration);
    this.evidenceMaxMessages = read('EVIDENCE_MAX_MESSAGES', '1000', (raw) => positiveInt(raw, 100_000));
    this.admissionWaitMs = read('ADMISSION_WAIT', '10s', parseDuration);
    this.logLevel = read('LOG_LEVEL', 'info', (raw) => oneOf(raw, ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']));
    this.workerMaxCachedWorkflows = read('WORKER_MAX_CACHED_WORKFLOWS', '100', (raw) => positiveInt(raw, 100_000));
    this.workerMaxConcurrentActivities = read('WORKER_MAX_CONCURRENT_ACTIVITIES', '20', (raw) => positiveInt(raw, 1_000));
    this.workerMaxConcurrentWorkflowTasks = read('WORKER_MAX_CONCURRENT_WORKFLOW_TASKS', '20', (raw) => positiveInt(raw, 1_000));
    if (problems.length === 0 && this.workerMaxConcurrentWorkflowTasks < 2) problems.push('WORKER_MAX_CONCURRENT_WORKFLOW_TASKS must be at least 2');
    if (problems.length === 0 && this.maxReviewWaitMs <= this.reviewDeadlineMs) {
      problems.push('MAX_REVIEW_WAIT must be longer than REVIEW_DEADLINE');
    }
    if (problems.length > 0) {
      throw new Error(`Invalid configuration:\n  ${problems.join('\n  ')}`);
    }
  }
}

function positiveInt(raw: string, max: number): number {
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > max) throw new Error(`expected an integer from 1 to ${max}, got "${raw}"`);
  return value;
}

function nonEmpty(raw: string): string {
  if (raw.trim() === '') throw new Error('must not be empty');
  return raw.trim();
}

function mongoUrl(raw: string): string {
  if (!/^mongodb(\+srv)?:\/\/.+/.test(raw)) throw new Error('expected a mongodb:// or mongodb+srv:// URL');
  return raw;
}

function oneOf(raw: string, allowed: string[]): string {
  if (!allowed.includes(raw)) throw new Error(`expected one of ${allowed.join(', ')}`);
  return raw;
}
