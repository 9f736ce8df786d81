import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { NOTICE_KINDS, NoticeKind } from '../notice-kinds';

export class UserNoticesQuery {
  @ApiPropertyOptional({ enum: NOTICE_KINDS })
  @IsOptional()
  @IsIn(NOTICE_KINDS)
  kind?: NoticeKind;
}
