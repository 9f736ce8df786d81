/**
 * A small, fixed data set for the quick start. Fixed ids make loading it idempotent, and
 * "insert only if absent" keeps what a user did on a previous run (a block, a deleted room).
 */
export const DEMO = {
  users: [
    { _id: 'alice', displayName: 'Alice' },
    { _id: 'bob', displayName: 'Bob (Alice’s friend)' },
    { _id: 'dave', displayName: 'Dave' },
    { _id: 'carol', displayName: 'Carol' },
  ],
  friendships: [{ _id: 'alice:bob', ownerId: 'alice', friendId: 'bob', state: 'friend' }],
  chats: [
    { _id: 'chat-alice-bob', memberIds: ['alice', 'bob'] },
    { _id: 'chat-alice-dave', memberIds: ['alice', 'dave'] },
  ],
  messages: [
    { _id: 'chat-alice-bob-000000', chatId: 'chat-alice-bob', senderId: 'alice', text: 'Are you coming tonight?', offsetMs: -600_000 },
    { _id: 'chat-alice-bob-000001', chatId: 'chat-alice-bob', senderId: 'bob', text: 'If you tell anyone, you will regret it.', offsetMs: -540_000 },
    { _id: 'chat-alice-dave-000000', chatId: 'chat-alice-dave', senderId: 'dave', text: 'Hi! 10,000 followers for $5, pay here first.', offsetMs: -300_000 },
  ],
  openChats: [{ _id: 'oc-hiking', title: 'Hiking club', ownerId: 'carol' }],
  posts: [{ _id: 'post-dave-1', openChatId: 'oc-hiking', authorId: 'dave', text: 'Cheap followers, DM me' }],
  comments: [{ _id: 'cmt-dave-1', postId: 'post-dave-1', authorId: 'dave', text: 'Seriously, DM me' }],
} as const;

/** The Idempotency-Key the printed curl command uses, so its report id is known in advance. */
export const DEMO_IDEMPOTENCY_KEY = 'quickstart-demo-1';
