import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { ChatsModule } from '../chats/chats.module';
import { OpenChatsModule } from '../open-chats/open-chats.module';
import { EvidenceAccessLog } from './evidence-access-log.service';
import { EvidenceService } from './evidence.service';
import { EvidenceAccess, EvidenceAccessSchema } from './schemas/evidence-access.schema';
import { EvidenceItem, EvidenceItemSchema } from './schemas/evidence-item.schema';
import { EvidenceSet, EvidenceSetSchema } from './schemas/evidence-set.schema';

@Module({
  imports: [
    ChatsModule,
    OpenChatsModule,
    MongooseModule.forFeature([
      { name: EvidenceItem.name, schema: EvidenceItemSchema },
      { name: EvidenceSet.name, schema: EvidenceSetSchema },
      { name: EvidenceAccess.name, schema: EvidenceAccessSchema },
    ]),
  ],
  providers: [EvidenceService, EvidenceAccessLog],
  exports: [EvidenceService, EvidenceAccessLog],
})
export class EvidenceModule {}
