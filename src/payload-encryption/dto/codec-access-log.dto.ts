import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { CODEC_ACCESS_OUTCOMES } from '../schemas/codec-access.schema';

export class CodecAccessLogQuery {
  @ApiPropertyOptional({ default: 100, minimum: 1, maximum: 500, description: 'newest entries to return' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;
}

export class CodecAccessEntryDto {
  @ApiProperty() readerSub: string;
  @ApiProperty({ type: [String] }) readerRoles: string[];
  @ApiPropertyOptional({ description: 'the X-Namespace header, when sent' }) namespace?: string;
  @ApiProperty({ description: 'number of payloads in the request' }) payloads: number;
  @ApiProperty({ enum: CODEC_ACCESS_OUTCOMES }) outcome: string;
  @ApiPropertyOptional({ description: 'the error code of a refused decode' }) refusedCode?: string;
  @ApiProperty() at: Date;
}

export class CodecAccessLogDto {
  @ApiProperty({ type: [CodecAccessEntryDto], description: 'newest first' })
  entries: CodecAccessEntryDto[];
}
