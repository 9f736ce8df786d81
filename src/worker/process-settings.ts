/**
 * How to start the worker process: `npm run start:worker`, `npm start`, the benchmark and the
 * chaos run all use these; a deployment that runs `node dist/src/worker/main.js` itself should
 * pass the same. Two malloc arenas (glibc makes up to eight per core for the SDK's threads)
 * keep the RSS down after bursts (300 instead of 318 MB after 1,000 parked). A
 * young generation of 8 MB per semi-space (the default grows to 16 MB, in the main thread and
 * again in the workflow thread): 2 MB costs about a quarter more worker CPU per lifecycle
 * (55.8 against 44.9 ms, five alternating pairs).
 *
 * `--optimize-for-size`: while reports are filed faster than the worker parks them, V8 grows
 * the heaps of both threads (most of the resident memory at the peak is small anonymous V8
 * pages), and they stay grown. With it, the peak while 1,000 reports were filed by 10 clients
 * and parked was 212 MB instead of 331-362 MB (three runs), for about a third more worker CPU
 * per lifecycle (162 against 124 ms; total 426 against 389 ms). Neither the workflow cache
 * (20 or 100), nor 20 concurrent activities, nor 4 concurrent workflow tasks moved that peak;
 * `--heap-growing-percent=50` gave 271 MB for 9% more worker CPU (one run each, back to back).
 */
export const WORKER_NODE_FLAGS = ['--max-semi-space-size=8', '--optimize-for-size'];

export function workerProcessEnv(env: NodeJS.ProcessEnv = process.env): Record<string, string> {
  return { MALLOC_ARENA_MAX: env.MALLOC_ARENA_MAX ?? '2' };
}
