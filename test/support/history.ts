import { defaultPayloadConverter } from '@temporalio/common';
import type { temporal } from '@temporalio/proto';
import { EncryptionCodec } from '../../src/payload-encryption/encryption-codec';
import { testServers } from './test-env';

type History = temporal.api.history.v1.IHistory;

/**
 * The history with every encrypted payload decrypted with the run's keys, as support staff see
 * it through the codec; the raw history (`fetchHistory()`) holds only ciphertext.
 */
export async function decryptedHistory(history: History): Promise<History> {
  const codec = new EncryptionCodec(testServers().payloadKeys);
  const walk = async (value: unknown): Promise<unknown> => {
    if (value instanceof Uint8Array || value === null || typeof value !== 'object') return value;
    if (Array.isArray(value)) return Promise.all(value.map(walk));
    const record = value as Record<string, unknown>;
    if (record.metadata && typeof record.metadata === 'object' && 'data' in record) {
      return (await codec.decode([record]))[0];
    }
    const entries = await Promise.all(Object.entries(record).map(async ([k, v]) => [k, await walk(v)] as const));
    return Object.fromEntries(entries);
  };
  return (await walk(history)) as History;
}

/** Every payload of a history, decoded as UTF-8 text, to search for what must (not) be there. */
export function historyPayloadText(history: History): string {
  const found: string[] = [];
  const walk = (value: unknown): void => {
    if (value instanceof Uint8Array) found.push(Buffer.from(value).toString('utf8'));
    else if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === 'object') Object.values(value).forEach(walk);
  };
  walk(history);
  return found.join('\n');
}

/** The activities a history scheduled, in order. */
export function activityTypesOf(history: History): string[] {
  return (history.events ?? []).flatMap((e) => e.activityTaskScheduledEventAttributes?.activityType?.name ?? []);
}

/**
 * The summary each scheduled activity carries (what the Temporal Web UI shows), in order. A
 * summary is a payload like any other: decrypt an encrypted history first (`decryptedHistory`).
 */
export function activitySummariesOf(history: History): Array<{ activity: string; summary: string | undefined }> {
  return (history.events ?? []).flatMap((e) => {
    const activity = e.activityTaskScheduledEventAttributes?.activityType?.name;
    if (!activity) return [];
    const summary = e.userMetadata?.summary;
    return [{ activity, summary: summary ? defaultPayloadConverter.fromPayload<string>(summary) : undefined }];
  });
}

export function hasCompleted(history: History): boolean {
  return (history.events ?? []).some((e) => e.workflowExecutionCompletedEventAttributes);
}

/** Which worker ran each activity: its started event names it. */
export function stepWorkers(history: History): string[] {
  return (history.events ?? []).flatMap((e) => (e.activityTaskStartedEventAttributes ? [e.activityTaskStartedEventAttributes.identity ?? ''] : []));
}
