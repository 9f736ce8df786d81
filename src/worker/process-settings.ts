/**
 * How to start the worker process: `npm run start:worker`, `npm start`, the benchmark and the
 * chaos run all use these; a deployment that runs `node dist/src/worker/main.js` itself should
 * pass the same. Two malloc arenas (glibc makes up to eight per core for the SDK's threads)
 * keep the RSS down after bursts (300 instead of 318 MB after 1,000 parked). A
 * young generation of 8 MB per semi-space (the default grows to 16 MB, in the main thread and
 * again in the workflow thread): 2 MB costs about a quarter more worker CPU per lifecycle
 * (55.8 against 44.9 ms, five alternating pairs), and with 8 MB the worker still settles at
 * 204 MB with 10,000 parked.
 */
export const WORKER_NODE_FLAGS = ['--max-semi-space-size=8'];

export function workerProcessEnv(env: NodeJS.ProcessEnv = process.env): Record<string, string> {
  return { MALLOC_ARENA_MAX: env.MALLOC_ARENA_MAX ?? '2' };
}
