import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min, ValidateIf } from 'class-validator';
import { IsEntityId } from '../../common/is-entity-id';
import { PageQuery } from '../../common/page-query';
import { MAX_RESTRICTION_DAYS } from '../../sanctions/sanction-ladder';
import { TICKET_KINDS, TICKET_PRIORITIES, TICKET_STATUSES, TicketKind, TicketPriority } from '../schemas/cs-ticket.schema';
import type { CsTicket } from '../schemas/cs-ticket.schema';
import type { TicketResolution } from '../schemas/ticket-resolution.schema';
import { RESOLUTION_MEASURES, ResolutionMeasure } from '../schemas/ticket-resolution.schema';
import { IsOmittable } from '../../common/omittable';

export class ListTicketsQuery extends PageQuery {
  @ApiPropertyOptional()
  @IsOptional()
  @IsEntityId()
  reportId?: string;

  @ApiPropertyOptional({ enum: TICKET_STATUSES })
  @IsOptional()
  @IsIn(TICKET_STATUSES)
  status?: 'open' | 'resolved';

  @ApiPropertyOptional({ enum: TICKET_PRIORITIES })
  @IsOptional()
  @IsIn(TICKET_PRIORITIES)
  priority?: TicketPriority;

  @ApiPropertyOptional({ enum: TICKET_KINDS })
  @IsOptional()
  @IsIn(TICKET_KINDS)
  kind?: TicketKind;
}

export class TicketView {
  @ApiProperty() ticketId: string;
  @ApiProperty({ enum: TICKET_KINDS }) kind: string;
  @ApiProperty() reportId: string;
  @ApiProperty({ enum: TICKET_STATUSES }) status: string;
  @ApiProperty({ enum: TICKET_PRIORITIES }) priority: string;
  @ApiPropertyOptional({ enum: ['illegal_content', 'moderator'] }) escalation?: string;
  @ApiProperty() summary: string;
  @ApiProperty() target: { kind: string; id: string };
  @ApiProperty() reasons: string[];
  @ApiProperty() policyCategories: string[];
  @ApiProperty() reportedUserId: string;
  @ApiProperty() reporterId: string;
  @ApiPropertyOptional() decision?: object;
  @ApiPropertyOptional() evidence?: object;
  @ApiPropertyOptional({ description: 'R9: how CS resolved the ticket, once.' }) resolution?: object;
  @ApiProperty() createdAt: Date;
}

export class TicketPage {
  @ApiProperty({ type: [TicketView] }) items: TicketView[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}

/** The answer for one ticket: storage fields (`_id`, `updatedAt`) stay inside. */
export function toTicketView(ticket: CsTicket, resolution?: TicketResolution | null): TicketView {
  return {
    ticketId: ticket._id,
    kind: ticket.kind,
    reportId: ticket.reportId,
    status: resolution ? 'resolved' : 'open',
    priority: ticket.priority,
    ...(ticket.escalation ? { escalation: ticket.escalation } : {}),
    summary: ticket.summary,
    target: { kind: ticket.target.kind, id: ticket.target.id },
    reasons: ticket.reasons,
    policyCategories: ticket.policyCategories,
    reportedUserId: ticket.reportedUserId,
    reporterId: ticket.reporterId,
    ...(ticket.decision ? { decision: ticket.decision } : {}),
    ...(ticket.evidence ? { evidence: ticket.evidence } : {}),
    ...(resolution
      ? {
          resolution: {
            measure: resolution.measure,
            ...(resolution.days ? { days: resolution.days } : {}),
            ...(resolution.sanctionId ? { sanctionId: resolution.sanctionId } : {}),
            resolvedAt: resolution.resolvedAt,
          },
        }
      : {}),
    createdAt: ticket.createdAt,
  };
}

export class ResolveTicketDto {
  @ApiProperty({ enum: RESOLUTION_MEASURES, description: 'R9: the measure on the reported account; anything but none becomes a sanction.' })
  @IsIn(RESOLUTION_MEASURES, { message: `measure must be one of ${RESOLUTION_MEASURES.join(', ')}`, context: { code: 'UNKNOWN_MEASURE' } })
  measure: ResolutionMeasure;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_RESTRICTION_DAYS, description: 'Required for a restriction, refused otherwise.' })
  @ValidateIf((dto: ResolveTicketDto) => dto.measure === 'restriction' || dto.days !== undefined)
  @IsInt({ message: 'days must be a whole number of days', context: { code: 'INVALID_RESTRICTION_DAYS' } })
  @Min(1, { message: `days must be 1 to ${MAX_RESTRICTION_DAYS}`, context: { code: 'INVALID_RESTRICTION_DAYS' } })
  @Max(MAX_RESTRICTION_DAYS, { message: `days must be 1 to ${MAX_RESTRICTION_DAYS}`, context: { code: 'INVALID_RESTRICTION_DAYS' } })
  days?: number;

  @ApiPropertyOptional({ maxLength: 2000 })
  @IsOmittable()
  @IsString()
  @MaxLength(2000)
  note?: string;
}
