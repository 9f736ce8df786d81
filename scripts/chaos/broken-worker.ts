/**
 * The chaos run's deliberately broken worker (`npm run chaos -- --broken`), never part of the
 * product: the product's worker process with the CS ticket service wrapped so that, for the
 * reports of some reporters, the follow-up ticket (R9) is silently not stored, and for others
 * a second, unplanned ticket is. The run's checks must then fail and name exactly those reports.
 */
import type { ActivityDeps } from '../../activities';
import { reportQueueActivities, activityDepsFrom } from '../../src/worker/create-worker';
import { exitOnFailure, runWorker } from '../../src/worker/run-worker';

/** Reporters `chaos-r<i>`: tickets of i ending in 3 are dropped, those of i ending in 6 doubled. */
export function sabotageOf(reporterId: string): 'drop ticket' | 'extra ticket' | null {
  const index = Number(/^chaos-r(\d+)$/.exec(reporterId)?.[1] ?? NaN);
  return index % 10 === 3 ? 'drop ticket' : index % 10 === 6 ? 'extra ticket' : null;
}

function withBrokenTickets(deps: ActivityDeps): ActivityDeps {
  const tickets: ActivityDeps['tickets'] = {
    async open(kind, report) {
      const sabotage = sabotageOf(report.reporterId);
      if (sabotage === 'drop ticket' && kind === 'report_decided') return `never-stored-${report._id}`;
      if (sabotage === 'extra ticket' && kind === 'report_decided') await deps.tickets.open('review_overdue', report);
      return deps.tickets.open(kind, report);
    },
  };
  return { ...deps, tickets };
}

runWorker((app) => ({ activities: reportQueueActivities(app, withBrokenTickets(activityDepsFrom(app))) })).catch(exitOnFailure);
