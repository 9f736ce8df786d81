import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { MAX_RESTRICTION_DAYS } from '../../sanctions/sanction-ladder';
import { RESOLUTION_MEASURES, ResolutionMeasure } from '../schemas/ticket-resolution.schema';

/** R9: a resolved ticket and the sanction its measure became. */
export class TicketResolutionView {
  @ApiProperty() ticketId: string;
  @ApiProperty({ enum: ['resolved'] }) status: 'resolved';
  @ApiProperty({ enum: RESOLUTION_MEASURES }) measure: ResolutionMeasure;
  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: MAX_RESTRICTION_DAYS, description: 'A restriction only.' }) days?: number;
  @ApiProperty({ type: String, nullable: true, description: 'The sanction the measure became; null for measure none.' }) sanctionId: string | null;
  @ApiProperty() resolvedAt: Date;
}
