import { DefaultFailureConverter } from '@temporalio/common';

/**
 * Failure messages and stack traces name reports and people as much as payloads do: they go into
 * one encoded attribute, which the payload codec then encrypts. Loaded by path (the SDK's
 * `failureConverterPath`), by the client, the worker and inside the workflow bundle, so this
 * file must stay sandbox-safe.
 */
export const failureConverter = new DefaultFailureConverter({ encodeCommonAttributes: true });
