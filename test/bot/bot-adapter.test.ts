import { ConfigurationBotFrameworkAuthentication, type TurnContext } from 'botbuilder';
import { BotAdapter } from '../../src/bot/bot-adapter';
import { activity } from '../security/endpoint';

// The endpoint's test activity, on the emulator channel, whose anonymous turns need no token.
const message = (extra: Record<string, unknown> = {}) => activity('hello', { channelId: 'emulator', ...extra });

describe('BotAdapter', () => {
  it('when an activity carries its times as text, then the turn gets dates and the text is kept, as the library gives them', async () => {
    const adapter = new BotAdapter(new ConfigurationBotFrameworkAuthentication({}));
    let seen: (TurnContext['activity'] & { rawTimestamp?: string; rawLocalTimestamp?: string }) | undefined;
    const answer = await adapter.handle(
      '',
      message({ timestamp: '2026-11-25T10:00:00.000Z', localTimestamp: '2026-11-25T11:00:00+01:00' }),
      async (context) => {
        seen = context.activity;
        await context.sendActivity('hi');
      },
    );
    expect(answer.status).toBe(200);
    expect((answer.body as { activities: { text: string }[] }).activities.map((a) => a.text)).toEqual(['hi']);
    expect(seen?.timestamp).toEqual(new Date('2026-11-25T10:00:00.000Z'));
    expect(seen?.rawTimestamp).toBe('2026-11-25T10:00:00.000Z');
    expect(seen?.rawLocalTimestamp).toBe('2026-11-25T11:00:00+01:00');
  });

  it('when the bot has an app id and the request has no token, then the answer is 401 and the turn never runs', async () => {
    const adapter = new BotAdapter(
      new ConfigurationBotFrameworkAuthentication({ MicrosoftAppId: 'app-id', MicrosoftAppPassword: 'secret' }),
    );
    let ran = false;
    const answer = await adapter.handle('', message(), async () => {
      ran = true;
    });
    expect(answer.status).toBe(401);
    expect(ran).toBe(false);
  });

  it('when the turn fails and nothing handles the error, then the answer is 500 with the reason, for the endpoint to log', async () => {
    const adapter = new BotAdapter(new ConfigurationBotFrameworkAuthentication({}));
    const answer = await adapter.handle('', message(), async () => {
      throw new Error('store exploded');
    });
    expect(answer).toEqual({ status: 500, body: expect.stringContaining('store exploded') });
  });
});
