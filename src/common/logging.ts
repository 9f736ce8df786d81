import { LoggerModule } from 'nestjs-pino';
import pino, { Logger } from 'pino';
import { AppConfig } from '../config/app-config';

const SERVICE = 'report-lifecycle';

/** Structured JSON logs (pino) for both processes; request logs carry a request id. */
export const loggingModule = LoggerModule.forRootAsync({
  inject: [AppConfig],
  useFactory: (config: AppConfig) => ({
    pinoHttp: {
      level: config.logLevel,
      // Bodies can hold chat text: never log them.
      serializers: { req: (req: { id: unknown; method: string; url: string }) => ({ id: req.id, method: req.method, url: req.url }) },
      customProps: () => ({ service: SERVICE }),
    },
  }),
});

/** Activities log outside Nest's request scope: a pino logger of the same level and fields. */
export function activityLogger(config: AppConfig): Logger {
  return pino({ level: config.logLevel, base: { pid: process.pid, service: SERVICE, context: 'activities' } });
}
