import { NestFactory } from '@nestjs/core';
import type { IncomingMessage } from 'node:http';
import { NestExpressApplication } from '@nestjs/platform-express';
import { SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { Registry } from 'prom-client';
import { AppModule } from './app.module';
import { answerUnparsableRequests } from './common/client-error';
import { refuseHostileKeys } from './common/hostile-keys';
import { createOpenApiDocument } from './common/openapi';
import { createValidationPipe } from './common/validation';
import { AppConfig } from './config/app-config';
import { codecCors } from './payload-encryption/codec-cors';
import { httpMetricsMiddleware } from './metrics/http-metrics';

const isJson = (req: IncomingMessage) => /^application\/json\s*(;|$)/i.test(req.headers['content-type'] ?? '');
const isExportVerify = (req: IncomingMessage) => req.url?.split('?')[0] === '/v1/evidence/exports/verify';

/** Builds the HTTP app exactly as production runs it; tests use the same function. */
export async function createHttpApp(): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule, { bufferLogs: true, bodyParser: false });
  app.useLogger(app.get(Logger));
  // First, so that every answer is counted, including body-parser refusals.
  app.use(httpMetricsMiddleware(app.get(Registry)));
  app.use('/codec', codecCors(app.get(AppConfig).codecCorsOrigins));
  // An evidence export carries up to EVIDENCE_MAX_MESSAGES messages; every other body stays small.
  app.useBodyParser('json', { limit: '64kb', type: (req: IncomingMessage) => isJson(req) && !isExportVerify(req) });
  app.useBodyParser('json', { limit: '4mb', type: (req: IncomingMessage) => isJson(req) && isExportVerify(req) });
  app.use(refuseHostileKeys);
  app.useGlobalPipes(createValidationPipe());
  app.enableShutdownHooks();
  answerUnparsableRequests(app.getHttpServer());
  SwaggerModule.setup('docs', app, () => createOpenApiDocument(app), { jsonDocumentUrl: 'docs-json' });
  return app;
}
