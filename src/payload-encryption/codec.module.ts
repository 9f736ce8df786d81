import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { CodecAccessLogController } from './codec-access-log.controller';
import { CodecAccessLog } from './codec-access-log.service';
import { CodecController } from './codec.controller';
import { CodecService } from './codec.service';
import { CodecAccess, CodecAccessSchema } from './schemas/codec-access.schema';

@Module({
  imports: [MongooseModule.forFeature([{ name: CodecAccess.name, schema: CodecAccessSchema }])],
  controllers: [CodecController, CodecAccessLogController],
  providers: [CodecService, CodecAccessLog],
})
export class CodecModule {}
