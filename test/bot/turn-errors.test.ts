import type { StoreItems } from 'botbuilder';
import { createApp } from '../../src/app';
import type { FeedbackLog } from '../../src/feedback/feedback-log';
import { strings } from '../../src/i18n/strings';
import { startServer, type RunningServer } from '../../src/server';
import { ConnectorStandIn } from '../helpers/connector-stand-in';
import { testConfig } from '../helpers/test-bot';
import { activity, click, poster, repliesTo } from '../security/endpoint';
import { capturedLogger } from '../helpers/log-capture';
import { RecordingStorage } from '../security/recording-storage';

/** A store whose next read of a matching key fails, as a storage outage would. */
class FlakyStorage extends RecordingStorage {
  failNextRead: RegExp | undefined;

  async read(keys: string[]): Promise<StoreItems> {
    if (this.failNextRead && keys.some((key) => this.failNextRead!.test(key))) {
      this.failNextRead = undefined;
      throw new Error('storage unavailable: connection reset by 10.1.2.3');
    }
    return super.read(keys);
  }
}

/** A dialog dependency that fails on demand. */
class FlakyFeedback implements FeedbackLog {
  fail = false;
  async record(): Promise<void> {
    if (this.fail) throw new Error('feedback store rejected the write: quota exceeded on shard 7');
  }
  async forgetUser(): Promise<number> {
    return 0;
  }
}

const storage = new FlakyStorage();
const feedback = new FlakyFeedback();
const log = capturedLogger('info');
const connector = new ConnectorStandIn();
let server: RunningServer;
let post: ReturnType<typeof poster>;

beforeAll(async () => {
  await connector.start();
  server = await startServer(createApp(testConfig(), log.logger, { storage, feedback }), log.logger, {
    port: 0,
    host: '127.0.0.1',
    maxBodyBytes: 256 * 1024,
  });
  post = poster(server.url);
});
afterAll(async () => {
  await server.close();
  await connector.stop();
});

const conversationKey = (id: string) => `msteams/conversations/${id}/`;
const REFERENCE = /([0-9A-F]{8})/;

describe('a store that fails on the turn claim', () => {
  it('when the claim cannot be read, then the question is still answered (fail open), not met with the apology', async () => {
    storage.failNextRead = /^delivered\//;
    const replies = await repliesTo(
      post,
      activity('Is AZ-104 eligible for college credit?', { conversation: { id: 'claim-down-1', conversationType: 'personal' } }),
    );
    expect(JSON.stringify(replies)).toContain('AZ-104');
    expect(replies.some((r) => REFERENCE.test(r.text ?? '') && r.text === strings('en').turnError(REFERENCE.exec(r.text ?? '')![1]))).toBe(
      false,
    );
    expect(log.events().map((e) => e.event)).toContain('turn_claim_unavailable');
  });
});

describe('a turn that throws', () => {
  it('when a dialog dependency throws mid-flow, then the user gets an apology in their language with a reference that is in the log, and the flow is reset', async () => {
    const conversation = { id: 'failing-turn-1', conversationType: 'personal' };
    await repliesTo(post, click({ verb: 'credit.start', lang: 'fr' }, { conversation }));
    const before = (await storage.read([conversationKey(conversation.id)]))[conversationKey(conversation.id)] as {
      dialogState?: { dialogStack: unknown[] };
    };
    expect(before.dialogState!.dialogStack.length).toBeGreaterThan(0);

    feedback.fail = true;
    // An Action.Submit from a French card, in a Teams client set to English.
    const replies = await repliesTo(
      post,
      activity('', { conversation, locale: 'en-US', value: { verb: 'feedback', lang: 'fr', faqId: 'unlink', helpful: false } }),
    );
    feedback.fail = false;

    const reference = REFERENCE.exec(replies.map((r) => r.text ?? '').join(' '))?.[1];
    expect(replies.map((r) => r.text)).toEqual([strings('fr').turnError(reference!)]);
    const failure = log.events().find((e) => e.event === 'turn_failed');
    expect(failure).toMatchObject({ reference, err: { message: expect.stringContaining('quota exceeded') } });
    const after = (await storage.read([conversationKey(conversation.id)]))[conversationKey(conversation.id)] as
      { dialogState?: unknown } | undefined;
    expect(after?.dialogState).toBeUndefined();
  });

  it('when the next message comes after the failure, then it is answered normally from a clean state', async () => {
    const replies = await repliesTo(post, activity('menu', { conversation: { id: 'failing-turn-1', conversationType: 'personal' } }));
    expect(replies.length).toBeGreaterThan(0);
    expect(replies.some((r) => REFERENCE.test(r.text ?? '') && r.text!.includes('support'))).toBe(false);
  });

  // A failing store no longer fails a turn (dedupe and state fail open: test/storage/store-faults.test.ts); a failing dependency does.
  it('when a dependency fails while a card click is handled, then Teams still gets a 200 invoke response with the apology, and the chat gets it too', async () => {
    const conversation = { id: 'failing-turn-2', conversationType: 'personal' };
    feedback.fail = true;
    const res = await post(
      click(
        { verb: 'feedback', lang: 'en', faqId: 'unlink', helpful: true },
        { conversation, serviceUrl: connector.url, deliveryMode: undefined },
      ),
    );
    feedback.fail = false;
    expect(res.status).toBe(200);
    const body = (await res.json()) as { statusCode: number; value: string };
    expect(body).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.activity.message' });
    expect(body.value).toBe(strings('en').turnError(REFERENCE.exec(body.value)![1]));
    expect(connector.to(conversation.id).map((c) => c.activity.text)).toEqual([body.value]);
  });

  it('when turns failed, then the log says why but the user never saw the internal error text', () => {
    const failures = log.events().filter((e) => e.event === 'turn_failed');
    expect(failures).toHaveLength(2);
    const seenByUsers = connector.calls.map((c) => JSON.stringify(c.activity)).join('\n');
    expect(seenByUsers).not.toMatch(/10\.1\.2\.3|quota|shard/);
  });
});
