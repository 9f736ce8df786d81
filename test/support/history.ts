import type { temporal } from '@temporalio/proto';

type History = temporal.api.history.v1.IHistory;

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

export function activityTypesOf(history: History): string[] {
  return (history.events ?? []).flatMap((e) => e.activityTaskScheduledEventAttributes?.activityType?.name ?? []);
}

export function hasCompleted(history: History): boolean {
  return (history.events ?? []).some((e) => e.workflowExecutionCompletedEventAttributes);
}
