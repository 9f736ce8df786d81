/**
 * How to start the worker process: `npm run start:worker`, `npm start`, the benchmark and the
 * chaos run all use these; a deployment that runs `node dist/src/worker/main.js` itself should
 * pass the same. A young generation of 2 MB per semi-space (the default grows to 16 MB, in the
 * main thread and again in the workflow thread) and two malloc arenas (glibc makes up to eight
 * per core for the SDK's threads): after 1,000 reports were filed and parked, the worker's RSS
 * was 294 and 300 MB with one or the other instead of 318 MB, and 278 MB with both after 10,000
 * instead of 330 MB (docs/performance.md, fourth round).
 */
export const WORKER_NODE_FLAGS = ['--max-semi-space-size=2'];

export function workerProcessEnv(env: NodeJS.ProcessEnv = process.env): Record<string, string> {
  return { MALLOC_ARENA_MAX: env.MALLOC_ARENA_MAX ?? '2' };
}
