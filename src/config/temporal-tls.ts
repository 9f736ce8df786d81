import { readFileSync } from 'node:fs';

/** What the Temporal connections need for TLS: file contents, read once at start-up. */
export interface TemporalTls {
  serverRootCACertificate?: Buffer;
  clientCertPair?: { crt: Buffer; key: Buffer };
  serverNameOverride?: string;
}

/**
 * TLS is on when asked for, when any certificate file is given, or with an API key (Temporal
 * Cloud accepts API keys over TLS only). Pushes one problem per bad variable.
 */
export function readTemporalTls(env: NodeJS.ProcessEnv, problems: string[]): TemporalTls | undefined {
  const flag = env.TEMPORAL_TLS?.trim();
  if (flag !== undefined && flag !== '' && flag !== 'true' && flag !== 'false') problems.push('TEMPORAL_TLS: expected true or false');
  const file = (name: 'TEMPORAL_TLS_CA' | 'TEMPORAL_TLS_CERT' | 'TEMPORAL_TLS_KEY'): Buffer | undefined => {
    const path = env[name]?.trim();
    if (!path) return undefined;
    try {
      return readFileSync(path);
    } catch (error) {
      problems.push(`${name}: cannot read "${path}" (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
      return undefined;
    }
  };
  const ca = file('TEMPORAL_TLS_CA');
  const crt = file('TEMPORAL_TLS_CERT');
  const key = file('TEMPORAL_TLS_KEY');
  const hasCert = Boolean(env.TEMPORAL_TLS_CERT?.trim());
  const hasKey = Boolean(env.TEMPORAL_TLS_KEY?.trim());
  if (hasCert !== hasKey) problems.push('TEMPORAL_TLS_CERT and TEMPORAL_TLS_KEY: mTLS needs both the client certificate and its key');
  const hasApiKey = Boolean(env.TEMPORAL_API_KEY?.trim());
  const anyTlsSetting = hasCert || hasKey || Boolean(env.TEMPORAL_TLS_CA?.trim()) || Boolean(env.TEMPORAL_TLS_SERVER_NAME?.trim());
  if (flag === 'false' && (anyTlsSetting || hasApiKey)) {
    problems.push('TEMPORAL_TLS: is false, but TLS files or TEMPORAL_API_KEY (which needs TLS) are set');
  }
  if (flag !== 'true' && !anyTlsSetting && !hasApiKey) return undefined;
  const serverName = env.TEMPORAL_TLS_SERVER_NAME?.trim();
  return {
    ...(ca ? { serverRootCACertificate: ca } : {}),
    ...(crt && key ? { clientCertPair: { crt, key } } : {}),
    ...(serverName ? { serverNameOverride: serverName } : {}),
  };
}
