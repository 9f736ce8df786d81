import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { IsEntityId } from '../../common/is-entity-id';
import { IsOmittable } from '../../common/omittable';

export class CreateUserDto {
  @ApiPropertyOptional({ example: 'alice', description: 'Your own id for the user; generated when absent.' })
  @IsOmittable()
  @IsEntityId()
  userId?: string;

  @ApiProperty({ example: 'Alice' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  displayName: string;
}

export class AddFriendDto {
  @ApiProperty({ example: 'bob' })
  @IsEntityId()
  friendId: string;
}

export class BlockUserDto {
  @ApiProperty({ example: 'bob' })
  @IsEntityId()
  blockedUserId: string;
}

export class UserView {
  @ApiProperty() userId: string;
  @ApiProperty() displayName: string;
  @ApiProperty() createdAt: Date;
}

export class FriendshipView {
  @ApiProperty() userId: string;
  @ApiProperty() friendId: string;
  @ApiProperty({ enum: ['friend', 'hidden', 'deleted'] }) state: string;
}

export class BlockView {
  @ApiProperty() userId: string;
  @ApiProperty() blockedUserId: string;
  @ApiProperty() active: boolean;
  @ApiProperty() since: Date;
}
