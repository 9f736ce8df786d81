import type { Admission } from '../../workflows/definitions';
import type { FriendshipState } from './schemas/friendship.schema';

export const FRIEND_MESSAGE_NOT_REPORTABLE = 'FRIEND_MESSAGE_NOT_REPORTABLE';

/**
 * R4: a 1:1 message from someone who is still the reporter's friend (listed or hidden, and not
 * blocked) cannot be reported; deleting or blocking the friend first makes it reportable.
 */
export function checkFriendMessage(state: FriendshipState | null, blockedByReporter: boolean): Admission {
  const stillFriends = (state === 'friend' || state === 'hidden') && !blockedByReporter;
  if (!stillFriends) return { admitted: true };
  return {
    admitted: false,
    refusalCode: FRIEND_MESSAGE_NOT_REPORTABLE,
    refusalMessage:
      "A message from a friend can't be reported. First delete the friend (hide them, then delete " +
      'them from Hidden Friends) or block them, then report the message again.',
  };
}
