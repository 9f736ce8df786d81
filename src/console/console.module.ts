import { Module } from '@nestjs/common';
import { ConsoleController } from './console.controller';

/** The moderator console (`/console`): a static page that works the queue through the API. */
@Module({ controllers: [ConsoleController] })
export class ConsoleModule {}
