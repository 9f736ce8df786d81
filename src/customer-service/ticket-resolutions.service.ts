import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { ApiError } from '../common/api-error';
import { isDuplicateKey } from '../common/database-errors';
import { AppConfig } from '../config/app-config';
import { Measure } from '../sanctions/sanction-ladder';
import { SanctionsService, ticketSanctionId } from '../sanctions/sanctions.service';
import { SanctionWorkflows } from '../sanctions/sanction-workflows.service';
import { staffConflict } from '../auth/conflict-of-interest';
import { TicketResolutionView } from './dto/ticket-resolution.view';
import { ResolveTicketDto } from './dto/tickets.dto';
import { CsTicket } from './schemas/cs-ticket.schema';
import { TicketResolution } from './schemas/ticket-resolution.schema';

/**
 * R9: "CS reviews the case against the operation policy and takes measures". Resolving a
 * ticket is write-once; its measure becomes a sanction through the same path as a moderator's
 * approval (sanction document, statement of reasons, sanction workflow).
 */
@Injectable()
export class TicketResolutionsService {
  constructor(
    @InjectModel(CsTicket.name) private readonly tickets: Model<CsTicket>,
    @InjectModel(TicketResolution.name) private readonly resolutions: Model<TicketResolution>,
    private readonly sanctions: SanctionsService,
    private readonly sanctionWorkflows: SanctionWorkflows,
    private readonly config: AppConfig,
  ) {}

  async resolve(ticketId: string, staffId: string, dto: ResolveTicketDto): Promise<TicketResolutionView> {
    if (dto.measure !== 'restriction' && dto.days !== undefined) {
      throw ApiError.badRequest('DAYS_ONLY_FOR_RESTRICTION', 'days goes with measure "restriction" only.');
    }
    const ticket = await this.tickets.findById(ticketId).lean();
    if (!ticket) throw ApiError.notFound('TICKET_NOT_FOUND', `Ticket ${ticketId} does not exist.`);
    if (staffId === ticket.reportedUserId || staffId === ticket.reporterId)
      throw staffConflict('resolve a ticket about a report they filed or that is about them');
    const measure = measureOf(dto);
    const resolution: TicketResolution = {
      _id: ticketId,
      measure: dto.measure,
      ...(dto.days ? { days: dto.days } : {}),
      staffId,
      ...(dto.note ? { note: dto.note } : {}),
      ...(measure ? { sanctionId: ticketSanctionId(this.config.idHmacSecret, ticketId) } : {}),
      resolvedAt: new Date(),
    };
    const stored = await this.insertOrFind(resolution);
    // The same resolution again (a retry after a failure below) completes it; any other is refused.
    if (stored.measure !== resolution.measure || stored.days !== resolution.days || stored.staffId !== resolution.staffId) {
      throw ApiError.conflict('TICKET_ALREADY_RESOLVED', `Ticket ${ticketId} was already resolved (${stored.measure}).`, { measure: stored.measure });
    }
    if (measure) await this.sanctionWorkflows.start(await this.sanctions.issueForTicket(ticket, measure, staffId));
    return {
      ticketId,
      status: 'resolved' as const,
      measure: stored.measure,
      ...(stored.days ? { days: stored.days } : {}),
      sanctionId: stored.sanctionId ?? null,
      resolvedAt: stored.resolvedAt,
    };
  }

  private async insertOrFind(resolution: TicketResolution): Promise<TicketResolution> {
    try {
      await this.resolutions.create(resolution);
      return resolution;
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
      return (await this.resolutions.findById(resolution._id).lean())!;
    }
  }
}

function measureOf(dto: ResolveTicketDto): Measure | null {
  if (dto.measure === 'none') return null;
  return dto.measure === 'restriction' ? { kind: 'restriction', days: dto.days! } : { kind: dto.measure };
}
