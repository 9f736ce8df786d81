import type { Payload } from '@temporalio/common';
import type { temporal } from '@temporalio/proto';

type History = temporal.api.history.v1.IHistory;
type HistoryEvent = temporal.api.history.v1.IHistoryEvent;

/** The marker the SDK records for each completed local activity. */
const LOCAL_ACTIVITY_MARKER = 'core_local_activity';

export interface LocalActivityMarker {
  activityType: string;
  /** What the activity returned, as the worker's codecs encoded it; absent when it failed. */
  result?: Payload;
}

/**
 * The local activity an event records, if it is such a marker. The marker's `data` payload
 * (sequence, attempt, activity type) is plain JSON that the SDK core writes itself, outside the
 * payload codecs; its `result` went through the codecs like any activity result.
 */
export function localActivityOf(event: HistoryEvent): LocalActivityMarker | undefined {
  const marker = event.markerRecordedEventAttributes;
  if (marker?.markerName !== LOCAL_ACTIVITY_MARKER) return undefined;
  const activityType = activityTypeOf(marker.details?.data?.payloads?.[0]);
  if (!activityType) return undefined;
  const result = marker.details?.result?.payloads?.[0] as Payload | undefined;
  return { activityType, ...(result ? { result } : {}) };
}

/** The local activities a history records, in order. */
export function localActivityMarkers(history: History): LocalActivityMarker[] {
  return (history.events ?? []).flatMap((event) => localActivityOf(event) ?? []);
}

function activityTypeOf(payload: temporal.api.common.v1.IPayload | undefined): string | undefined {
  if (!payload?.data) return undefined;
  try {
    const data = JSON.parse(Buffer.from(payload.data).toString('utf8')) as { activity_type?: unknown };
    return typeof data.activity_type === 'string' ? data.activity_type : undefined;
  } catch {
    return undefined;
  }
}
