/**
 * The worker's main-thread V8 heap and external memory, read from its `/metrics` (prom-client's
 * default metrics). What RSS holds beyond them is the workflow thread's heap and native memory
 * (the SDK's core, allocator arenas): the split says which of them a backlog grows.
 */
export interface WorkerHeap {
  heapUsedMb: number;
  heapTotalMb: number;
  externalMb: number;
}

export async function workerHeap(metricsUrl: string): Promise<WorkerHeap | undefined> {
  try {
    const text = await (await fetch(metricsUrl, { signal: AbortSignal.timeout(5_000) })).text();
    const mb = (name: string) => Number(new RegExp(`^${name} (\\S+)`, 'm').exec(text)?.[1]) / 2 ** 20;
    return { heapUsedMb: mb('nodejs_heap_size_used_bytes'), heapTotalMb: mb('nodejs_heap_size_total_bytes'), externalMb: mb('nodejs_external_memory_bytes') };
  } catch {
    return undefined;
  }
}
