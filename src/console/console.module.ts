import { Module } from '@nestjs/common';
import { ConsoleController } from './console.controller';

/** The console (`/console`): moderators work the queue; support staff open each report's history in the Temporal Web UI. */
@Module({ controllers: [ConsoleController] })
export class ConsoleModule {}
