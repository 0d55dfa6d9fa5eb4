import { channelRoot, threadOf } from '../../src/bot/channel-threads';

const reference = {
  channelId: 'msteams',
  serviceUrl: 'https://smba.example.test/',
  conversation: { id: '19:abc@thread.tacv2;messageid=1700000000001', isGroup: true },
};

describe('Teams channel threads', () => {
  it('when the registration came from a message in a thread, then new posts go to the channel itself', () => {
    expect(channelRoot(reference)).toEqual({ ...reference, conversation: { id: '19:abc@thread.tacv2', isGroup: true } });
  });

  it('when a ticket was posted, then its updates go to the thread under that post', () => {
    expect((threadOf(reference, 'post-42').conversation as { id: string }).id).toBe('19:abc@thread.tacv2;messageid=post-42');
  });

  it('when the reference has no thread, then it is left as it is', () => {
    const plain = { conversation: { id: '19:abc@thread.tacv2' } };
    expect(channelRoot(plain)).toBe(plain);
  });
});
