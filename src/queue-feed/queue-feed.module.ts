import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { QueueFeed } from './queue-feed.service';
import { QueueFeedEntry, QueueFeedEntrySchema } from './schemas/queue-feed-entry.schema';

/** The queue's change feed, written by the report and case stores (API and worker) and read by the API's queue projection. */
@Module({
  imports: [MongooseModule.forFeature([{ name: QueueFeedEntry.name, schema: QueueFeedEntrySchema }])],
  providers: [QueueFeed],
  exports: [QueueFeed],
})
export class QueueFeedModule {}
