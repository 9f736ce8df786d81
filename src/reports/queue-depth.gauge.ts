import { Inject, Injectable } from '@nestjs/common';
import { Gauge, Registry } from 'prom-client';
import { ReportStore } from './report-store.service';

/** Reports awaiting a moderator, counted in Mongo at scrape time: right after restarts, and equal on every API replica. */
@Injectable()
export class QueueDepthGauge {
  constructor(@Inject(Registry) registry: Registry, store: ReportStore) {
    new Gauge({
      name: 'report_queue_depth',
      help: 'Reports awaiting moderator review.',
      registers: [registry],
      async collect() {
        try {
          this.set(await store.countAwaitingReview());
        } catch {
          // A database outage must not fail the whole scrape (HTTP metrics matter most then):
          // NaN says "unknown" instead of a stale or zero depth.
          this.set(Number.NaN);
        }
      },
    });
  }
}
