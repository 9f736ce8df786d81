import { AppConfig } from '../config/app-config';

/**
 * One source for the API's `Connection` and the worker's `NativeConnection`, so both reach
 * the same cluster the same way (plain, TLS, mTLS, or API key as with Temporal Cloud).
 */
export function temporalConnectionOptions(config: AppConfig) {
  return {
    address: config.temporalAddress,
    ...(config.temporalTls ? { tls: config.temporalTls } : {}),
    ...(config.temporalApiKey ? { apiKey: config.temporalApiKey } : {}),
  };
}
