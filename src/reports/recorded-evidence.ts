import type { LoadedDataConverter, Payload } from '@temporalio/common';
import type { temporal } from '@temporalio/proto';
import type { EvidenceReceipt } from '../../workflows/definitions';

type History = temporal.api.history.v1.IHistory;

const STORE_EVIDENCE = 'storeEvidence';

/**
 * The evidence receipt that the storeEvidence step returned, as the workflow history recorded
 * it at capture time (R6); null when the history has no completed capture (yet). The payload goes
 * through the client's codecs first, so encrypted histories read the same.
 */
export async function evidenceReceiptInHistory(history: History, converter: LoadedDataConverter): Promise<EvidenceReceipt | null> {
  const payload = storeEvidenceResult(history);
  if (!payload) return null;
  // Codecs encode in order, so they decode in reverse.
  let decoded = [payload];
  for (const codec of [...converter.payloadCodecs].reverse()) decoded = await codec.decode(decoded);
  const receipt = converter.payloadConverter.fromPayload<EvidenceReceipt | null>(decoded[0]);
  return receipt && typeof receipt.rootDigest === 'string' ? receipt : null;
}

function storeEvidenceResult(history: History): Payload | undefined {
  const events = history.events ?? [];
  const scheduledIds = new Set(
    events.filter((e) => e.activityTaskScheduledEventAttributes?.activityType?.name === STORE_EVIDENCE).map((e) => String(e.eventId)),
  );
  const completed = events.find(
    (e) => e.activityTaskCompletedEventAttributes && scheduledIds.has(String(e.activityTaskCompletedEventAttributes.scheduledEventId)),
  );
  return completed?.activityTaskCompletedEventAttributes?.result?.payloads?.[0] ?? undefined;
}
