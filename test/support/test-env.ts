import type { PayloadKey } from '../../src/payload-encryption/encryption-codec';
import { parsePayloadKeys } from '../../src/payload-encryption/payload-keys';

/** What the global set-up started, handed to test files through the environment. */
export interface TestServers {
  temporalAddress: string;
  mongoBaseUrl: (dbName: string) => string;
  workflowBundlePath: string;
  timeSkippingServerPath: string;
  /** The run's payload encryption keys (PAYLOAD_KEYS, set by the global set-up). */
  payloadKeys: PayloadKey[];
}

const VARS = {
  temporalAddress: 'TEST_TEMPORAL_ADDRESS',
  mongoPort: 'TEST_MONGO_PORT',
  workflowBundlePath: 'TEST_WORKFLOW_BUNDLE',
  timeSkippingServerPath: 'TEST_TIME_SKIPPING_SERVER',
} as const;

export function publishTestServers(values: { temporalAddress: string; mongoPort: number; workflowBundlePath: string; timeSkippingServerPath: string }): void {
  process.env[VARS.temporalAddress] = values.temporalAddress;
  process.env[VARS.mongoPort] = String(values.mongoPort);
  process.env[VARS.workflowBundlePath] = values.workflowBundlePath;
  process.env[VARS.timeSkippingServerPath] = values.timeSkippingServerPath;
}

export function testServers(): TestServers {
  const read = (name: string): string => {
    const value = process.env[name];
    if (!value) throw new Error(`${name} is not set: run the tests through jest (npm test), whose global set-up starts the servers`);
    return value;
  };
  const mongoPort = read(VARS.mongoPort);
  return {
    temporalAddress: read(VARS.temporalAddress),
    mongoBaseUrl: (dbName) => `mongodb://127.0.0.1:${mongoPort}/${dbName}?directConnection=true`,
    workflowBundlePath: read(VARS.workflowBundlePath),
    timeSkippingServerPath: read(VARS.timeSkippingServerPath),
    payloadKeys: parsePayloadKeys(read('PAYLOAD_KEYS')),
  };
}
