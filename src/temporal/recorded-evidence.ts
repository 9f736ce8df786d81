import type { LoadedDataConverter, Payload } from '@temporalio/common';
import type { temporal } from '@temporalio/proto';
import type { EvidenceReceipt } from '../../workflows/definitions';
import { localActivityMarkers } from './local-activity-markers';

type History = temporal.api.history.v1.IHistory;

const STORE_EVIDENCE = 'storeEvidence';

/**
 * The evidence receipt that the storeEvidence step returned, as the workflow history recorded
 * it at capture time; null when the history has no completed capture (yet). Reports run the step
 * as a local activity (a marker) or, started before that, as an activity. The payload goes
 * through the client's codecs first, so encrypted histories read the same.
 */
export async function evidenceReceiptInHistory(history: History, converter: LoadedDataConverter): Promise<EvidenceReceipt | null> {
  const payload = localActivityResult(history) ?? activityResult(history);
  if (!payload) return null;
  // Codecs encode in order, so they decode in reverse.
  let decoded = [payload];
  for (const codec of [...converter.payloadCodecs].reverse()) decoded = await codec.decode(decoded);
  const receipt = converter.payloadConverter.fromPayload<EvidenceReceipt | null>(decoded[0]);
  return receipt && typeof receipt.rootDigest === 'string' ? receipt : null;
}

function localActivityResult(history: History): Payload | undefined {
  return localActivityMarkers(history).find((marker) => marker.activityType === STORE_EVIDENCE)?.result;
}

function activityResult(history: History): Payload | undefined {
  const events = history.events ?? [];
  const scheduledIds = new Set(
    events.filter((e) => e.activityTaskScheduledEventAttributes?.activityType?.name === STORE_EVIDENCE).map((e) => String(e.eventId)),
  );
  const completed = events.find(
    (e) => e.activityTaskCompletedEventAttributes && scheduledIds.has(String(e.activityTaskCompletedEventAttributes.scheduledEventId)),
  );
  return completed?.activityTaskCompletedEventAttributes?.result?.payloads?.[0] as Payload | undefined;
}
