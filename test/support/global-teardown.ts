import type { RunningServer } from '../../scripts/lib/local-servers';

export default async function globalTeardown(): Promise<void> {
  const servers = ((globalThis as Record<string, unknown>).__testServers ?? []) as RunningServer[];
  await Promise.all(servers.map((server) => server.stop()));
}
