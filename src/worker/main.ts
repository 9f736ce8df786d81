/** `npm run start:worker`: the report worker (see run-worker.ts). */
import { exitOnFailure, runWorker } from './run-worker';

runWorker().catch(exitOnFailure);
