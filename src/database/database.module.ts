import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import mongoose, { Connection } from 'mongoose';
import { Registry } from 'prom-client';
import { AppConfig } from '../config/app-config';
import { countDatabaseCommands } from './command-metrics';

// Mongoose formats a stack trace on every query it runs, only to name where a query that runs
// twice first ran (an error our code never makes): that formatting was about 1% of the worker's
// CPU in a profile of the benchmark. The option is global, on the instance our connections use.
mongoose.set('skipOriginalStackTraces', true);

@Module({
  imports: [
    MongooseModule.forRootAsync({
      // The registry is there in the API and the worker (MetricsModule); scripts without metrics count nothing.
      inject: [AppConfig, { token: Registry, optional: true }],
      useFactory: (config: AppConfig, registry?: Registry) => ({
        uri: config.mongoUrl,
        // Fail a request fast when the database is gone instead of queueing it for 10 s.
        serverSelectionTimeoutMS: 5_000,
        bufferCommands: false,
        // Indexes are part of the schema; FerretDB v1 builds the plain and unique ones we use.
        // Off at scale: `npm run migrate` builds them once instead of every replica at boot.
        autoIndex: config.mongoAutoIndex,
        // Command monitoring feeds `mongodb_commands_total` (database commands per lifecycle, by collection).
        monitorCommands: registry !== undefined,
        connectionFactory: (connection: Connection) => (registry ? countDatabaseCommands(connection, registry) : connection),
      }),
    }),
  ],
})
export class DatabaseModule {}
