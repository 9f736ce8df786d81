import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { IsEntityId } from '../../common/is-entity-id';
import { MAX_TEXT_LENGTH } from '../../chats/dto/chats.dto';

export class CreateOpenChatDto {
  @ApiProperty({ example: 'Hiking friends' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  title: string;

  @ApiProperty({ example: 'carol' })
  @IsEntityId()
  ownerId: string;
}

export class CreateAuthoredTextDto {
  @ApiProperty({ example: 'carol' })
  @IsEntityId()
  authorId: string;

  @ApiProperty({ example: 'Join us on Saturday' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(MAX_TEXT_LENGTH)
  text: string;
}

export class CreatedOpenChatView {
  @ApiProperty() openChatId: string;
}

export class CreatedPostView {
  @ApiProperty() postId: string;
}

export class CreatedCommentView {
  @ApiProperty() commentId: string;
}
