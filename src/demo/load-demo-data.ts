import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { DemoLoader } from './demo-loader.service';
import { DemoModule } from './demo.module';
import { errorStack } from '../common/error-text';

/** `node dist/src/demo/load-demo-data.js`: loads the quick-start data into MONGO_URL. */
async function main(): Promise<void> {
  const app = await NestFactory.createApplicationContext(DemoModule, { logger: ['error'] });
  const inserted = await app.get(DemoLoader).load();
  await app.close();
  process.stdout.write(`demo data: ${inserted} new documents\n`);
}

main().catch((error) => {
  process.stderr.write(`demo data failed: ${errorStack(error)}\n`);
  process.exit(1);
});
