import { Connection } from '@temporalio/client';

/** The name of the `default` namespace as the server at `address` describes it: it answers. */
export async function defaultNamespaceServedBy(address: string): Promise<string | undefined> {
  const connection = await Connection.connect({ address });
  try {
    const { namespaceInfo } = await connection.workflowService.describeNamespace({ namespace: 'default' });
    return namespaceInfo?.name ?? undefined;
  } finally {
    await connection.close();
  }
}
