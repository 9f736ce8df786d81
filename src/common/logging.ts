import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import { LoggerModule } from 'nestjs-pino';
import pino, { Logger } from 'pino';
import { reportWorkflowId } from '../../workflows/definitions';
import { AppConfig } from '../config/app-config';

const SERVICE = 'report-lifecycle';
const REQUEST_ID = /^[\w.:-]{1,64}$/;

/**
 * Credentials never reach a log line: a codec sign-in answers with the support token as a
 * cookie, and callers send bearer tokens and cookies. Both spellings of each header, since
 * requests arrive in lower case and a serializer or a library may log them as set.
 */
const CREDENTIAL_HEADERS = ['authorization', 'cookie', 'set-cookie', 'Authorization', 'Cookie', 'Set-Cookie'];
export const LOG_REDACTION = {
  paths: ['req', 'res'].flatMap((side) => CREDENTIAL_HEADERS.map((header) => `${side}.headers["${header}"]`)),
  censor: '[redacted]',
};

/** Structured JSON logs (pino) for both processes; request logs carry a request id. */
export const loggingModule = LoggerModule.forRootAsync({
  inject: [AppConfig],
  useFactory: (config: AppConfig) => ({
    pinoHttp: {
      level: config.logLevel,
      redact: LOG_REDACTION,
      // Bodies can hold chat text: never log them.
      serializers: { req: (req: { id: unknown; method: string; url: string }) => ({ id: req.id, method: req.method, url: req.url }) },
      genReqId: requestIdOf,
      customProps: (req: IncomingMessage) => ({ service: SERVICE, requestId: (req as { id?: unknown }).id, ...reportIdsOf(req) }),
    },
  }),
});

/**
 * Keeps a caller's (or load balancer's) X-Request-Id so one request can be followed across
 * API replicas; otherwise a UUID, since pino's default counter repeats in every process.
 */
function requestIdOf(req: IncomingMessage, res: ServerResponse): string {
  const incoming = req.headers['x-request-id'];
  const id = typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
  res.setHeader('X-Request-Id', id);
  return id;
}

/** On report routes, the request line names the report and its workflow (set once routed). */
function reportIdsOf(req: IncomingMessage): Record<string, string> {
  const reportId = (req as { params?: Record<string, unknown> }).params?.reportId;
  return typeof reportId === 'string' ? { reportId, workflowId: reportWorkflowId(reportId) } : {};
}

/** Activities log outside Nest's request scope: a pino logger of the same level and fields. */
export function activityLogger(config: AppConfig): Logger {
  return pino({ level: config.logLevel, redact: LOG_REDACTION, base: { pid: process.pid, service: SERVICE, context: 'activities' } });
}
