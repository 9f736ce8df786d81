// Entry point of the workflow bundle: every workflow the worker runs.
export { reportLifecycleWorkflow } from './report-lifecycle.workflow';
export { deliverNoticeWorkflow } from './notice-delivery.workflow';
export { caseDecisionWorkflow } from './case-decision.workflow';
export { sanctionWorkflow } from './sanction.workflow';
