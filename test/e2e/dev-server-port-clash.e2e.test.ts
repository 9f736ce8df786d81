import * as net from 'node:net';
import { findFreePort, RunningServer, startTemporalDevServer } from '../../scripts/lib/local-servers';
import { SEARCH_ATTRIBUTE_TYPES } from '../../workflows/definitions';
import { defaultNamespaceServedBy } from '../support/dev-server';

let taken: net.Server;
let temporal: (RunningServer & { address: string }) | undefined;

beforeAll(async () => {
  taken = net.createServer();
  await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
});

afterAll(async () => {
  await temporal?.stop();
  await new Promise((resolve) => taken.close(resolve));
});

test('a dev server whose side port is taken before it binds starts again on new ports', async () => {
  const takenPort = (taken.address() as net.AddressInfo).port;
  const chosen: number[] = [];
  // The first HTTP API port offered is already in use, as when another process takes it in between.
  const choosePort = async () => {
    const port = chosen.length === 0 ? takenPort : await findFreePort();
    chosen.push(port);
    return port;
  };
  const [port, uiPort] = [await findFreePort(), await findFreePort()];

  temporal = await startTemporalDevServer({ port, uiPort, headless: true, searchAttributes: SEARCH_ATTRIBUTE_TYPES, choosePort });

  expect(chosen).toHaveLength(4); // HTTP API and metrics ports, twice
  expect(await defaultNamespaceServedBy(temporal.address)).toBe('default');
}, 90_000);
