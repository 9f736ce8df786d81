/**
 * Fields the service looks documents up by equality, and never stores an array in, in any
 * collection. The embedded FerretDB build is told about them (`--scalar-fields`): upstream
 * FerretDB v1 on SQLite uses an index only for `{_id: value}` and reads the whole collection
 * for any other filter, so every lookup of a chat's messages or a case's events grew with the
 * database. MongoDB needs no such list; there the schemas' indexes serve these filters anyway.
 * test/database/scalar-fields.test.ts keeps this list true to the schemas.
 */
export const SCALAR_LOOKUP_FIELDS = [
  'blockerId',
  'caseId',
  'chatId',
  'noticeId',
  'openChatId',
  'ownerId',
  'postId',
  'reportId',
  'reporterId',
  'sanctionId',
  'status',
  'target.id',
  'userId',
] as const;
