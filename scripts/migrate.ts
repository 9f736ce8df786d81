import 'reflect-metadata';
import mongoose from 'mongoose';
import { AppConfig } from '../src/config/app-config';
import { explainQueueQuery, readQueuePlan } from '../src/database/queue-plan';
import { syncAllIndexes } from '../src/database/sync-indexes';
import { errorMessage } from '../src/common/error-text';

/**
 * `npm run migrate [-- --dry-run]`: brings the indexes of MONGO_URL's database in line with the
 * schemas. Run it once per deployment before the new processes start (they run with
 * MONGO_AUTO_INDEX=false at scale, so a rollout does not build indexes from every replica).
 */
async function main(): Promise<void> {
  const dryRun = process.argv.includes('--dry-run');
  const config = new AppConfig();
  const connection = await mongoose.createConnection(config.mongoUrl, { autoIndex: false, serverSelectionTimeoutMS: 10_000 }).asPromise();
  try {
    for (const result of await syncAllIndexes(connection, { dryRun })) {
      const verb = dryRun ? 'would' : 'did';
      say(`${result.collection}: ${verb} create ${result.created.length}, ${verb} drop ${result.dropped.length}`);
      for (const spec of result.created) say(`  + ${spec}`);
      for (const name of result.dropped) say(`  - ${name}`);
      for (const index of result.indexes) say(`    ${index}`);
    }
    // The hot read path: on MongoDB this should name the queue index and no SORT stage.
    say(`moderation queue plan: ${JSON.stringify(readQueuePlan(await explainQueueQuery(connection)))}`);
  } finally {
    await connection.close();
  }
}

function say(line: string): void {
  process.stdout.write(`${line}\n`);
}

main().catch((error) => {
  process.stderr.write(`migrate failed: ${errorMessage(error)}\n`);
  process.exit(1);
});
