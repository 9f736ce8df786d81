import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import mongoose from 'mongoose';
import { AppConfig } from '../config/app-config';

// Mongoose formats a stack trace on every query it runs, only to name where a query that runs
// twice first ran (an error our code never makes): that formatting was about 1% of the worker's
// CPU in a profile of the benchmark. The option is global, on the instance our connections use.
mongoose.set('skipOriginalStackTraces', true);

@Module({
  imports: [
    MongooseModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        uri: config.mongoUrl,
        // Fail a request fast when the database is gone instead of queueing it for 10 s.
        serverSelectionTimeoutMS: 5_000,
        bufferCommands: false,
        // Indexes are part of the schema; FerretDB v1 builds the plain and unique ones we use.
        // Off at scale: `npm run migrate` builds them once instead of every replica at boot.
        autoIndex: config.mongoAutoIndex,
      }),
    }),
  ],
})
export class DatabaseModule {}
