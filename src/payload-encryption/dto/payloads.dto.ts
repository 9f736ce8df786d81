import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsObject, IsOptional, IsString, ValidateNested } from 'class-validator';

/** A Temporal payload as the remote codec protocol carries it: bytes in base64. */
export class PayloadJson {
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' }, example: { encoding: 'YmluYXJ5L2VuY3J5cHRlZA==' } })
  @IsObject()
  metadata: Record<string, string>;

  @ApiPropertyOptional({ description: 'base64; absent for empty payloads' })
  @IsOptional()
  @IsString()
  data?: string;

  /** Sent by newer Web UIs for externally stored payloads; not used here, accepted and dropped. */
  @ApiPropertyOptional({ type: 'array', items: { type: 'object' } })
  @IsOptional()
  @IsArray()
  externalPayloads?: unknown[];
}

export class PayloadsDto {
  /** The CLI sends `{}` (no field) for an empty list. */
  @ApiPropertyOptional({ type: [PayloadJson] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(1000)
  @ValidateNested({ each: true })
  @Type(() => PayloadJson)
  payloads?: PayloadJson[];
}
