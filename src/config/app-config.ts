import { randomBytes } from 'node:crypto';
import { DEFAULT_TASK_QUEUE } from '../../workflows/definitions';
import { parseDuration } from './duration';
import { NoticeDeliveryPolicy, NoticeWebhook, readNoticeDeliveryPolicy, readNoticeWebhook } from './notice-webhook';
import { TemporalTls, readTemporalTls } from './temporal-tls';
import { PayloadKey, parsePayloadKeys } from './payload-keys';
import { EvidenceKeyRing, generateSigningKey, parseRetiredKeys, parseSigningKey } from './evidence-keys';

/**
 * Settings of both processes, read once from the environment and validated at start-up,
 * so a typo fails the boot instead of the first report.
 */
export class AppConfig {
  readonly port: number;
  readonly mongoUrl: string;
  /** Build schema indexes at connect (handy locally); at scale run `npm run migrate` instead. */
  readonly mongoAutoIndex: boolean;
  readonly temporalAddress: string;
  readonly temporalNamespace: string;
  readonly taskQueue: string;
  readonly reviewDeadlineMs: number;
  readonly maxReviewWaitMs: number;
  readonly evidenceMaxMessages: number;
  readonly temporalRpcTimeoutMs: number;
  readonly duplicateWindowMs: number;
  /** R3: false reports within the window that restrict the reporter, and for how long. */
  readonly falseReportPolicy: { threshold: number; windowMs: number; restrictionMs: number };
  /** Filing limit per reporter and API instance: `limit` reports per `windowMs`. */
  readonly filingRateLimit: { limit: number; windowMs: number };
  /** How long a moderator's claim on a case keeps it out of other moderators' queues. */
  readonly claimTtlMs: number;
  /**
   * `QUEUE_REASON_WEIGHTS` as written (reason -> integer): src/cases/reason-weights.ts checks
   * the reasons against the catalogue and fills in the defaults when the queue is created.
   */
  readonly queueReasonWeights: Readonly<Record<string, number>>;
  /** API only: how often the in-memory queue tails the change feed, and rebuilds itself from the reports. */
  readonly queueProjection: { pollMs: number; reloadMs: number };
  /**
   * API only: how often the start sweep looks for reports stored but not started, and how old
   * such a report must be (its start right after filing may still be under way).
   */
  readonly startSweep: { intervalMs: number; graceMs: number };
  /**
   * R9: sanctions on reported accounts: the strike window, the appeal window, and the ladders
   * as written (`SANCTION_LADDER_<TIER>` -> tier in lower case -> rungs text); the tiers and
   * rungs are checked, and the defaults filled in, by src/sanctions/sanction-ladder.ts when the
   * sanctions service is created.
   */
  readonly sanctionPolicy: { ladders: Readonly<Record<string, string>>; strikeWindowMs: number; appealWindowMs: number };
  readonly logLevel: string;
  /** Notices are POSTed here, signed (see src/notices/delivery); undefined: stored only. */
  readonly noticeWebhook?: NoticeWebhook;
  readonly noticeDelivery: NoticeDeliveryPolicy;
  /** Undefined: plain-text gRPC (the dev server). */
  readonly temporalTls?: TemporalTls;
  readonly temporalApiKey?: string;
  /** Worker only: the name in activity and workflow task histories (SDK default pid@host). */
  readonly workerIdentity?: string;
  /** Worker only: undefined keeps the SDK defaults. */
  readonly workerTuning: {
    maxConcurrentActivityTaskExecutions?: number;
    maxConcurrentWorkflowTaskExecutions?: number;
    maxCachedWorkflows?: number;
  };
  readonly workerHealthPort: number;
  /** Worker only: where the SDK's own Prometheus exporter listens (host:port); off when unset. */
  readonly temporalMetricsAddress?: string;
  /** Payload encryption keys, the first encrypts; empty (development only) leaves payloads in clear. */
  readonly payloadKeys: PayloadKey[];
  /**
   * R6: the Ed25519 key that signs evidence exports and evidence sets, and the retired public
   * keys that keep verifying what they signed. Unset outside production: a key for this process only.
   */
  readonly evidenceKeys: EvidenceKeyRing;
  /** `ID_HMAC_SECRET`: keys the ids derived from a reporter (R2), so no outsider can recompute them. */
  readonly idHmacSecret: string;
  /** API only: browser origins (the Temporal Web UI) allowed to call /codec. */
  readonly codecCorsOrigins: string[];
  /** API only: the Temporal Web UI the console links each report to; undefined: no links. */
  readonly temporalUiUrl?: string;

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
    this.mongoAutoIndex = read('MONGO_AUTO_INDEX', 'true', boolean);
    this.temporalAddress = read('TEMPORAL_ADDRESS', '127.0.0.1:7233', nonEmpty);
    this.temporalNamespace = read('TEMPORAL_NAMESPACE', 'default', nonEmpty);
    this.taskQueue = read('TEMPORAL_TASK_QUEUE', DEFAULT_TASK_QUEUE, nonEmpty);
    this.reviewDeadlineMs = read('REVIEW_DEADLINE', '72h', parseDuration);
    this.maxReviewWaitMs = read('MAX_REVIEW_WAIT', '30d', parseDuration);
    this.evidenceMaxMessages = read('EVIDENCE_MAX_MESSAGES', '1000', (raw) => positiveInt(raw, 100_000));
    this.temporalRpcTimeoutMs = read('TEMPORAL_RPC_TIMEOUT', '10s', parseDuration);
    this.duplicateWindowMs = read('DUPLICATE_WINDOW', '10s', parseDuration);
    this.falseReportPolicy = {
      threshold: read('FALSE_REPORT_THRESHOLD', '3', (raw) => positiveInt(raw, 1000)),
      windowMs: read('FALSE_REPORT_WINDOW', '30d', parseDuration),
      restrictionMs: read('REPORTING_RESTRICTION', '7d', parseDuration),
    };
    this.filingRateLimit = read('FILING_RATE_LIMIT', '20/1m', rate);
    this.claimTtlMs = read('CLAIM_TTL', '30m', parseDuration);
    this.queueReasonWeights = read('QUEUE_REASON_WEIGHTS', '', namedIntegers);
    this.queueProjection = {
      pollMs: read('QUEUE_FEED_POLL', '200ms', (raw) => atLeast(parseDuration(raw), 10)),
      reloadMs: read('QUEUE_PROJECTION_RELOAD', '10m', (raw) => atLeast(parseDuration(raw), 1_000)),
    };
    this.startSweep = {
      intervalMs: read('START_SWEEP_INTERVAL', '30s', (raw) => atLeast(parseDuration(raw), 100)),
      graceMs: read('START_SWEEP_GRACE', '30s', parseDuration),
    };
    this.sanctionPolicy = {
      ladders: Object.fromEntries(
        Object.entries(env)
          .filter(([name, raw]) => name.startsWith(LADDER_PREFIX) && raw !== undefined)
          .map(([name, raw]) => [name.slice(LADDER_PREFIX.length).toLowerCase(), raw!.trim()]),
      ),
      strikeWindowMs: read('SANCTION_STRIKE_WINDOW', '365d', parseDuration),
      // DSA Art. 20(1): complaints are possible for at least six months after the decision.
      appealWindowMs: read('APPEAL_WINDOW', '180d', parseDuration),
    };
    this.logLevel = read('LOG_LEVEL', 'info', (raw) => oneOf(raw, ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']));
    const optional = <T>(name: string, parse: (raw: string) => T): T | undefined => (env[name]?.trim() ? read(name, '', parse) : undefined);
    this.temporalTls = readTemporalTls(env, problems);
    this.noticeWebhook = readNoticeWebhook(env, problems);
    this.noticeDelivery = readNoticeDeliveryPolicy(read, problems);
    this.temporalApiKey = optional('TEMPORAL_API_KEY', nonEmpty);
    this.workerIdentity = optional('WORKER_IDENTITY', nonEmpty);
    this.workerTuning = {
      maxConcurrentActivityTaskExecutions: optional('WORKER_MAX_CONCURRENT_ACTIVITIES', (raw) => positiveInt(raw, 10_000)),
      // The SDK needs at least 2 workflow task slots while it caches workflows.
      maxConcurrentWorkflowTaskExecutions: optional('WORKER_MAX_CONCURRENT_WORKFLOW_TASKS', (raw) => positiveInt(raw, 10_000, 2)),
      // Not the SDK's default, which sizes the sticky cache from the heap limit (thousands of
      // workflows): a parked report would then hold worker memory for days. Past 100 a report
      // that wakes up is replayed from its (short) history instead.
      maxCachedWorkflows: read('WORKER_MAX_CACHED_WORKFLOWS', '100', (raw) => positiveInt(raw, 1_000_000, 0)),
    };
    this.workerHealthPort = read('WORKER_HEALTH_PORT', '3001', (raw) => positiveInt(raw, 65535));
    this.temporalMetricsAddress = optional('TEMPORAL_METRICS_ADDRESS', hostPort);
    this.payloadKeys = optional('PAYLOAD_KEYS', parsePayloadKeys) ?? [];
    if (env.NODE_ENV === 'production' && !env.PAYLOAD_KEYS?.trim()) {
      problems.push('PAYLOAD_KEYS: required in production (workflow payloads must not reach Temporal in clear text)');
    }
    if (env.NODE_ENV === 'production' && !env.EVIDENCE_SIGNING_KEY?.trim()) {
      problems.push('EVIDENCE_SIGNING_KEY: required in production (exports signed by a throw-away key verify nowhere)');
    }
    const current = optional('EVIDENCE_SIGNING_KEY', parseSigningKey) ?? parseSigningKey(generateSigningKey('ephemeral'));
    this.evidenceKeys = { current, retired: optional('EVIDENCE_RETIRED_KEYS', parseRetiredKeys) ?? [] };
    if (env.NODE_ENV === 'production' && !env.ID_HMAC_SECRET?.trim()) {
      problems.push('ID_HMAC_SECRET: required in production (unkeyed report ids let a reported person test guessed reporters, R2)');
    }
    // Outside production a secret for this process only: a repeat filed after a restart is a new report.
    this.idHmacSecret = optional('ID_HMAC_SECRET', idSecret) ?? randomBytes(32).toString('base64url');
    this.codecCorsOrigins = read('CODEC_CORS_ORIGINS', 'http://localhost:8233,http://127.0.0.1:8233', origins);
    this.temporalUiUrl = optional('TEMPORAL_UI_URL', webUrl);
    if (problems.length === 0 && this.maxReviewWaitMs <= this.reviewDeadlineMs) {
      problems.push('MAX_REVIEW_WAIT must be longer than REVIEW_DEADLINE');
    }
    if (problems.length > 0) {
      throw new Error(`Invalid configuration:\n  ${problems.join('\n  ')}`);
    }
  }
}

const LADDER_PREFIX = 'SANCTION_LADDER_';

/** At least 32 characters: a secret short enough to guess would key nothing. */
function idSecret(raw: string): string {
  if (raw.trim().length < 32) throw new Error('must be at least 32 characters (openssl rand -base64 32)');
  return raw.trim();
}

/** `name=integer` pairs separated by commas, such as `spam_advertising=500, other=0`. */
function namedIntegers(raw: string): Record<string, number> {
  const values: Record<string, number> = {};
  for (const pair of raw
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const [name, value, ...extra] = pair.split('=').map((p) => p.trim());
    if (extra.length > 0 || !name || !/^-?\d+$/.test(value ?? '')) throw new Error(`"${pair}": expected name=integer`);
    values[name] = Number(value);
  }
  return values;
}

function positiveInt(raw: string, max: number, min = 1): number {
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) throw new Error(`expected an integer from ${min} to ${max}, got "${raw}"`);
  return value;
}

function atLeast(ms: number, min: number): number {
  if (ms < min) throw new Error(`expected at least ${min} ms, got ${ms} ms`);
  return ms;
}

function rate(raw: string): { limit: number; windowMs: number } {
  const [count, window] = raw.split('/');
  if (window === undefined) throw new Error(`expected <count>/<duration> such as 20/1m, got "${raw}"`);
  return { limit: positiveInt(count, 1_000_000), windowMs: parseDuration(window) };
}

function hostPort(raw: string): string {
  if (!/^[^\s:]+:\d{1,5}$/.test(raw.trim())) throw new Error(`expected host:port such as 0.0.0.0:9464, got "${raw}"`);
  return raw.trim();
}

function origins(raw: string): string[] {
  const list = raw
    .split(',')
    .map((o) => o.trim())
    .filter(Boolean);
  for (const origin of list) {
    if (!/^https?:\/\/[^/\s]+$/.test(origin)) throw new Error(`expected scheme://host[:port] origins, got "${origin}"`);
  }
  return list;
}

function webUrl(raw: string): string {
  const url = raw.trim().replace(/\/+$/, '');
  if (!/^https?:\/\/[^/\s]+(\/\S*)?$/.test(url)) throw new Error(`expected an http(s):// URL, got "${raw}"`);
  return url;
}

function boolean(raw: string): boolean {
  if (raw !== 'true' && raw !== 'false') throw new Error(`expected true or false, got "${raw}"`);
  return raw === 'true';
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
