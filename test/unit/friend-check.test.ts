import { checkFriendMessage } from '../../src/users/friend-check';

describe('R4: the friend check rule', () => {
  test.each([
    ['friend', false, false],
    ['hidden', false, false],
    ['friend', true, true],
    ['hidden', true, true],
    ['deleted', false, true],
    [null, false, true],
  ] as const)('friendship %s, blocked %s -> reportable %s', (state, blocked, admitted) => {
    expect(checkFriendMessage(state, blocked).admitted).toBe(admitted);
  });

  test("R4: a friend's message is refused with a code and a message that says how to proceed", () => {
    const refusal = checkFriendMessage('friend', false);
    expect(refusal.refusalCode).toBe('FRIEND_MESSAGE_NOT_REPORTABLE');
    expect(refusal.refusalMessage).toMatch(/hide.*delete.*Hidden Friends.*block/i);
  });
});
