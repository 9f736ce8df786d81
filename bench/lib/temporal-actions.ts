import { temporal } from '@temporalio/proto';

const T = temporal.api.enums.v1.EventType;

/** Billable actions in one history, by the kind Temporal Cloud's pricing page names them. */
export interface ActionCount {
  total: number;
  byKind: Record<string, number>;
}

/**
 * Temporal Cloud's published action rules (docs.temporal.io, "Temporal Cloud Actions"), as far as
 * a history shows them: a workflow start, each activity scheduled plus one per retry (the
 * started event's attempt minus one), each timer started, each signal received, each update
 * accepted, each search-attribute upsert (attributes given at the start are free), a child
 * workflow start (two: the intent and the attempt), the local-activity markers of one workflow
 * task (one), a Nexus operation scheduled or cancelled. Queries and rejected updates leave no
 * event and are not counted; a signal to another workflow is counted in the signalled history.
 */
export function billableActions(history: temporal.api.history.v1.IHistory): ActionCount {
  const byKind: Record<string, number> = {};
  const add = (kind: string, n = 1) => {
    if (n > 0) byKind[kind] = (byKind[kind] ?? 0) + n;
  };
  let markerInTask = false;
  for (const event of history.events ?? []) {
    switch (event.eventType) {
      case T.EVENT_TYPE_WORKFLOW_EXECUTION_STARTED:
        add('workflow started');
        break;
      case T.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED:
        add('activity started');
        break;
      case T.EVENT_TYPE_ACTIVITY_TASK_STARTED:
        add('activity retried', (event.activityTaskStartedEventAttributes?.attempt ?? 1) - 1);
        break;
      case T.EVENT_TYPE_TIMER_STARTED:
        add('timer started');
        break;
      case T.EVENT_TYPE_WORKFLOW_EXECUTION_SIGNALED:
        add('signal');
        break;
      case T.EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_ACCEPTED:
        add('update accepted');
        break;
      case T.EVENT_TYPE_UPSERT_WORKFLOW_SEARCH_ATTRIBUTES:
        if (!onlyChangeVersion(event)) add('search-attribute upsert');
        break;
      case T.EVENT_TYPE_WORKFLOW_EXECUTION_OPTIONS_UPDATED:
        add('workflow options updated');
        break;
      case T.EVENT_TYPE_START_CHILD_WORKFLOW_EXECUTION_INITIATED:
        add('child workflow started', 2);
        break;
      case T.EVENT_TYPE_NEXUS_OPERATION_SCHEDULED:
      case T.EVENT_TYPE_NEXUS_OPERATION_CANCEL_REQUESTED:
        add('nexus operation');
        break;
      case T.EVENT_TYPE_WORKFLOW_TASK_COMPLETED:
        markerInTask = false;
        break;
      case T.EVENT_TYPE_MARKER_RECORDED:
        // All local activities of one workflow task are one action.
        if (!markerInTask) add('local activities');
        markerInTask = true;
        break;
    }
  }
  return { total: Object.values(byKind).reduce((a, b) => a + b, 0), byKind };
}

function onlyChangeVersion(event: temporal.api.history.v1.IHistoryEvent): boolean {
  const fields = Object.keys(event.upsertWorkflowSearchAttributesEventAttributes?.searchAttributes?.indexedFields ?? {});
  return fields.length > 0 && fields.every((name) => name === 'TemporalChangeVersion');
}

/** Sums counts of several histories (a report's workflow and the workflows its steps started). */
export function sumActions(counts: ActionCount[]): ActionCount {
  const byKind: Record<string, number> = {};
  for (const c of counts) for (const [kind, n] of Object.entries(c.byKind)) byKind[kind] = (byKind[kind] ?? 0) + n;
  return { total: counts.reduce((a, c) => a + c.total, 0), byKind };
}
