import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppConfig } from '../../src/config/app-config';
import { temporalConnectionOptions } from '../../src/temporal/connection-options';

const dir = mkdtempSync(join(tmpdir(), 'tls-config-'));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};
const ca = file('ca.pem', 'CA');
const cert = file('client.pem', 'CERT');
const key = file('client.key', 'KEY');

describe('deployment configuration', () => {
  test('without TLS settings the connection is plain text, as the dev server needs', () => {
    const options = temporalConnectionOptions(new AppConfig({ TEMPORAL_ADDRESS: 'temporal:7233' }));
    expect(options).toEqual({ address: 'temporal:7233' });
  });

  test('mTLS: the CA, certificate and key files are read into the connection options', () => {
    const config = new AppConfig({ TEMPORAL_TLS_CA: ca, TEMPORAL_TLS_CERT: cert, TEMPORAL_TLS_KEY: key, TEMPORAL_TLS_SERVER_NAME: 'frontend' });
    expect(temporalConnectionOptions(config).tls).toEqual({
      serverRootCACertificate: Buffer.from('CA'),
      clientCertPair: { crt: Buffer.from('CERT'), key: Buffer.from('KEY') },
      serverNameOverride: 'frontend',
    });
  });

  test('an API key turns TLS on (Temporal Cloud takes API keys over TLS only)', () => {
    const config = new AppConfig({ TEMPORAL_ADDRESS: 'ns.acct.tmprl.cloud:7233', TEMPORAL_NAMESPACE: 'ns.acct', TEMPORAL_API_KEY: 'secret' });
    expect(temporalConnectionOptions(config)).toEqual({ address: 'ns.acct.tmprl.cloud:7233', tls: {}, apiKey: 'secret' });
    expect(config.temporalNamespace).toBe('ns.acct');
  });

  test('a certificate without its key, an unreadable CA and bad tuning are all named in one error', () => {
    const attempt = () =>
      new AppConfig({
        TEMPORAL_TLS_CERT: cert,
        TEMPORAL_TLS_CA: join(dir, 'missing.pem'),
        WORKER_MAX_CONCURRENT_ACTIVITIES: '0',
        WORKER_MAX_CACHED_WORKFLOWS: 'many',
        TEMPORAL_METRICS_ADDRESS: 'nine-four-six-four',
      });
    expect(attempt).toThrow(/TEMPORAL_TLS_CA: cannot read[\s\S]*TEMPORAL_TLS_CERT and TEMPORAL_TLS_KEY/);
    expect(attempt).toThrow(/WORKER_MAX_CONCURRENT_ACTIVITIES[\s\S]*WORKER_MAX_CACHED_WORKFLOWS[\s\S]*TEMPORAL_METRICS_ADDRESS/);
  });

  test('TLS switched off explicitly conflicts with an API key', () => {
    expect(() => new AppConfig({ TEMPORAL_TLS: 'false', TEMPORAL_API_KEY: 'secret' })).toThrow(/TEMPORAL_TLS: is false/);
  });

  test('worker identity, tuning and ports; unset tuning keeps the SDK defaults, except a sticky cache of 100 workflows', () => {
    const tuned = new AppConfig({
      WORKER_IDENTITY: 'worker-a',
      WORKER_MAX_CONCURRENT_ACTIVITIES: '50',
      WORKER_MAX_CONCURRENT_WORKFLOW_TASKS: '40',
      WORKER_MAX_CACHED_WORKFLOWS: '0',
      WORKER_HEALTH_PORT: '4001',
    });
    expect(tuned.workerIdentity).toBe('worker-a');
    expect(tuned.workerTuning).toEqual({
      maxConcurrentActivityTaskExecutions: 50,
      maxConcurrentWorkflowTaskExecutions: 40,
      maxCachedWorkflows: 0,
    });
    expect(tuned.workerHealthPort).toBe(4001);
    const defaults = new AppConfig({});
    expect(defaults.workerIdentity).toBeUndefined();
    expect(defaults.workerTuning).toEqual({
      maxConcurrentActivityTaskExecutions: undefined,
      maxConcurrentWorkflowTaskExecutions: undefined,
      maxCachedWorkflows: 100,
    });
    expect(defaults.workerHealthPort).toBe(3001);
  });

  test('index builds at connect are on by default and can be left to npm run migrate', () => {
    expect(new AppConfig({}).mongoAutoIndex).toBe(true);
    expect(new AppConfig({ MONGO_AUTO_INDEX: 'false' }).mongoAutoIndex).toBe(false);
    expect(() => new AppConfig({ MONGO_AUTO_INDEX: 'no' })).toThrow(/MONGO_AUTO_INDEX/);
  });

  test('a replica-set URL with TLS options passes through unchanged', () => {
    const url = 'mongodb://db-0:27017,db-1:27017,db-2:27017/reports?replicaSet=rs0&tls=true&tlsCAFile=/etc/ca.pem';
    expect(new AppConfig({ MONGO_URL: url }).mongoUrl).toBe(url);
  });
});
