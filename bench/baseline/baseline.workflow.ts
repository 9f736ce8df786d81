// The bare Temporal shape of one report lifecycle, to measure the product against: no-op
// activities in the lifecycle's order, and one message from outside between them.
// Bundled on its own by the baseline worker; the product's workflow bundle never sees it.
import { ActivityOptions, condition, defineSignal, proxyActivities, proxyLocalActivities, setHandler } from '@temporalio/workflow';
import type { BaselineActivities } from './baseline.activities';

export const BASELINE_TASK_QUEUE = 'bench-baseline';
export const proceedSignal = defineSignal('proceed');

const options: ActivityOptions = {
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '1s', backoffCoefficient: 2, maximumInterval: '1 minute' },
};
const activities = proxyActivities<BaselineActivities>(options);
const localActivities = proxyLocalActivities<BaselineActivities>(options);

/**
 * Evidence, room deletion | decision | record, block, sanction, CS notice: the steps of an
 * approved chat-message report (the friend check runs in the API at filing). The product runs
 * each as an ordinary activity and opens the review in one more. Ordinary activities here too;
 * with `local`, local activities, printed for reference.
 */
export async function baselineWorkflow(id: string, local = false): Promise<string> {
  const { noop } = local ? localActivities : activities;
  let proceed = false;
  setHandler(proceedSignal, () => void (proceed = true));
  for (const step of ['evidence', 'delete-room']) await noop(step);
  await condition(() => proceed);
  for (const step of ['record-decision', 'block', 'sanction', 'notify']) await noop(step);
  return id;
}
