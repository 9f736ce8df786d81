import { ApiProperty, IntersectionType } from '@nestjs/swagger';
import { IsEntityId } from '../../common/is-entity-id';
import { PageQuery } from '../../common/page-query';

/** Reads are on behalf of one user: the app backend says whose view it wants. */
export class ViewerQuery {
  @ApiProperty({ example: 'carol', description: 'The user whose view to return: removed content is shown to its author only.' })
  @IsEntityId()
  viewerId: string;
}

export class BoardQuery extends IntersectionType(PageQuery, ViewerQuery) {}

/** Why the author's content is hidden from everyone else (DSA Art. 17); nothing in it names or leads to the reporter (R2). */
export class RemovalView {
  @ApiProperty({ example: 'spam', description: 'The policy category applied (R10).' }) policy: string;
  @ApiProperty() at: Date;
  @ApiProperty() statementOfReasons: string;
}

/** What a post and a comment have in common as a viewer sees them. */
class AuthoredContentView {
  @ApiProperty() authorId: string;
  @ApiProperty() text: string;
  @ApiProperty() createdAt: Date;
  @ApiProperty({ type: RemovalView, nullable: true, description: 'Set in the author\u2019s own view of removed content; others do not see it at all.' })
  removed: RemovalView | null;
}

export class CommentView extends AuthoredContentView {
  @ApiProperty() commentId: string;
  @ApiProperty() postId: string;
}

export class PostView extends AuthoredContentView {
  @ApiProperty() postId: string;
  @ApiProperty() openChatId: string;
}

export class PostWithCommentsView extends PostView {
  @ApiProperty({ type: [CommentView], description: 'Oldest first; removed comments only in their author\u2019s view.' }) comments: CommentView[];
}

export class BoardPage {
  @ApiProperty({
    type: [PostView],
    description: 'Newest first. Removed posts are left out (shown to their author only), so a page may hold fewer than `limit`.',
  })
  items: PostView[];

  @ApiProperty({ type: String, nullable: true, description: 'Pass as `cursor` for the next page; null on the last one.' })
  nextCursor: string | null;
}
