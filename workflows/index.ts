// Entry point of the workflow bundle: every workflow the worker runs.
export { reportLifecycleWorkflow } from './report-lifecycle.workflow';
export { sanctionWorkflow } from './sanction.workflow';
