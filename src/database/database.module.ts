import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { AppConfig } from '../config/app-config';

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
