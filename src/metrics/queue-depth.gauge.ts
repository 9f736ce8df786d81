import { Inject, Injectable } from '@nestjs/common';
import { Gauge, Registry } from 'prom-client';
import { ReportStore } from '../reports/report-store.service';

/** Reports awaiting a moderator, counted in Mongo at scrape time: right after restarts, and equal on every API replica. */
@Injectable()
export class QueueDepthGauge {
  constructor(@Inject(Registry) registry: Registry, store: ReportStore) {
    new Gauge({
      name: 'report_queue_depth',
      help: 'Reports awaiting moderator review.',
      registers: [registry],
      async collect() {
        this.set(await store.countAwaitingReview());
      },
    });
  }
}
