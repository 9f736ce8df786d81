import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { TemporalModule } from '../temporal/temporal.module';
import { HealthController } from './health.controller';
import { TemporalHealthIndicator } from './temporal.health';

@Module({ imports: [TemporalModule, TerminusModule], controllers: [HealthController], providers: [TemporalHealthIndicator] })
export class HealthModule {}
