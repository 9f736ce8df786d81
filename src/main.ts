import 'reflect-metadata';
import { AppConfig } from './config/app-config';
import { createHttpApp } from './http-app';
import { errorStack } from './common/error-text';

async function main(): Promise<void> {
  const app = await createHttpApp();
  const config = app.get(AppConfig);
  await app.listen(config.port);
}

main().catch((error) => {
  // The logger may not exist yet (e.g. invalid configuration): write one JSON line and stop.
  process.stderr.write(`${JSON.stringify({ level: 'fatal', msg: 'api failed to start', err: errorStack(error) })}\n`);
  process.exit(1);
});
