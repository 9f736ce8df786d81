import { Client, Connection } from '@temporalio/client';

/** Runs `use` with a client of the server at `address`, and closes its connection after. */
export async function withClient<T>(address: string, use: (client: Client) => Promise<T>): Promise<T> {
  const connection = await Connection.connect({ address });
  try {
    return await use(new Client({ connection }));
  } finally {
    await connection.close();
  }
}

/** The name of the `default` namespace as the server at `address` describes it: it answers. */
export async function defaultNamespaceServedBy(address: string): Promise<string | undefined> {
  return withClient(address, async (client) => {
    const { namespaceInfo } = await client.workflowService.describeNamespace({ namespace: 'default' });
    return namespaceInfo?.name ?? undefined;
  });
}
