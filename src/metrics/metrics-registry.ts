import { Registry, collectDefaultMetrics } from 'prom-client';

/**
 * One registry per process container, not prom-client's global one: tests run the API and a
 * worker in one Node process, and a shared registry would refuse the second set of metrics.
 */
export function createMetricsRegistry(): Registry {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  return registry;
}
