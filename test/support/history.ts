import type { Payload } from '@temporalio/common';
import type { temporal } from '@temporalio/proto';
import { EncryptionCodec } from '../../src/payload-encryption/encryption-codec';
import { localActivityOf } from '../../src/temporal/local-activity-markers';
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
      return (await codec.decode([record as Payload]))[0];
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

/** The steps a history ran, in order: activities and local activities alike. */
export function activityTypesOf(history: History): string[] {
  return (history.events ?? []).flatMap((e) => e.activityTaskScheduledEventAttributes?.activityType?.name ?? localActivityOf(e)?.activityType ?? []);
}

export function hasCompleted(history: History): boolean {
  return (history.events ?? []).some((e) => e.workflowExecutionCompletedEventAttributes);
}

/**
 * Which worker ran each step: an activity's started event names it; a local activity ran in the
 * worker that completed the workflow task recording its marker.
 */
export function stepWorkers(history: History): string[] {
  const events = history.events ?? [];
  const taskCompletedBy = new Map(
    events.flatMap((e) => (e.workflowTaskCompletedEventAttributes ? [[String(e.eventId), e.workflowTaskCompletedEventAttributes.identity ?? '']] : [])),
  );
  return events.flatMap((e) => {
    if (e.activityTaskStartedEventAttributes) return [e.activityTaskStartedEventAttributes.identity ?? ''];
    if (!localActivityOf(e)) return [];
    return [taskCompletedBy.get(String(e.markerRecordedEventAttributes?.workflowTaskCompletedEventId)) ?? ''];
  });
}
