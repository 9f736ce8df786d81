import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { IsEntityId } from '../../common/is-entity-id';

export const MAX_TEXT_LENGTH = 4000;

export class CreateChatDto {
  @ApiProperty({ example: ['alice', 'bob'], description: 'Exactly two distinct users.' })
  @ArrayMinSize(2)
  @ArrayMaxSize(2)
  @ArrayUnique({ message: 'A 1:1 chat needs two different users.', context: { code: 'CHAT_NEEDS_TWO_USERS' } })
  @IsEntityId({ each: true })
  memberIds: string[];
}

export class PostMessageDto {
  @ApiProperty({ example: 'bob' })
  @IsEntityId()
  senderId: string;

  @ApiProperty({ example: 'hello' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(MAX_TEXT_LENGTH)
  text: string;
}

export class ChatMessageView {
  @ApiProperty() messageId: string;
  @ApiProperty() senderId: string;
  @ApiProperty() text: string;
  @ApiProperty() sentAt: Date;
}

/** What one member sees. Deliberately has no "deleted for" list: that would reveal a report (R2). */
export class ChatView {
  @ApiProperty() chatId: string;
  @ApiProperty() memberIds: string[];
  @ApiProperty({ type: [ChatMessageView] }) messages: ChatMessageView[];
}

export class CreatedChatView {
  @ApiProperty() chatId: string;
}

/** The same answer whether or not a member withholds it (R7: the sender is not told of a block). */
export class PostedMessageView {
  @ApiProperty() messageId: string;
}
