import { ActivityTypes, TestAdapter, type Activity } from 'botbuilder';
import { RateLimitMiddleware } from '../../src/bot/rate-limit-middleware';
import { setTurnLang } from '../../src/dialogs/user-input';
import type { Lang } from '../../src/i18n/language';
import { strings } from '../../src/i18n/strings';
import { silentLogger } from '../../src/logging/logger';

/** `answersIn`: the language the bot's turns answer in, as FaqBot decides it. */
function limitedBot(perMinute: number, answersIn?: Lang, kind?: 'chat' | 'search') {
  const clock = { now: 5_000_000 };
  const ran: string[] = [];
  const limiter = new RateLimitMiddleware({ perMinute, kind, now: () => clock.now }, silentLogger);
  const adapter = new TestAdapter(async (context) => {
    ran.push(context.activity.text ?? context.activity.name ?? '');
    if (answersIn) setTurnLang(context, answersIn);
    await context.sendActivity('answer');
  });
  adapter.use(limiter);
  const send = async (activity: Partial<Activity>, userId = 'user-1') => {
    await adapter.processActivity({ type: ActivityTypes.Message, from: { id: userId, name: 'Dana' }, ...activity } as Activity);
    return adapter.activeQueue.splice(0) as Activity[];
  };
  return { clock, ran, send, limiter };
}

describe('RateLimitMiddleware', () => {
  it('when a user goes over the cap, then the extra message is not handled and they are asked, once, to slow down in the language the bot last answered them in', async () => {
    const bot = limitedBot(3, 'fr');
    for (const text of ['un', 'deux', 'trois']) expect((await bot.send({ text }))[0].text).toBe('answer');
    expect((await bot.send({ text: "j'ai encore une question sur mes crédits" })).map((a) => a.text)).toEqual([strings('fr').rateLimited]);
    expect(await bot.send({ text: 'et encore une' })).toEqual([]);
    expect(bot.ran).toEqual(['un', 'deux', 'trois']);
  });

  it('when a user the bot never answered goes over the cap, then the refusal follows the Teams locale, not the text', async () => {
    const bot = limitedBot(1);
    await bot.send({ text: 'one', locale: 'fr-FR' });
    expect((await bot.send({ text: 'this is clearly an English sentence about my exams', locale: 'fr-FR' }))[0].text).toBe(
      strings('fr').rateLimited,
    );
  });

  it('when a minute has passed since the oldest message, then the user is answered again', async () => {
    const bot = limitedBot(2);
    await bot.send({ text: 'one' });
    bot.clock.now += 30_000;
    await bot.send({ text: 'two' });
    expect((await bot.send({ text: 'three' }))[0].text).toBe(strings('en').rateLimited);
    bot.clock.now += 30_000;
    expect((await bot.send({ text: 'four' }))[0].text).toBe('answer');
  });

  it("when a card click goes over the cap, then it still gets a 200 invoke response carrying the message in the card's language", async () => {
    const bot = limitedBot(1);
    const click = {
      type: ActivityTypes.Invoke,
      name: 'adaptiveCard/action',
      value: { action: { type: 'Action.Execute', verb: 'menu', data: { verb: 'menu', lang: 'fr' } } },
    };
    await bot.send(click);
    const [reply] = await bot.send(click);
    expect(reply.type).toBe(ActivityTypes.InvokeResponse);
    expect(reply.value).toEqual({
      status: 200,
      body: { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: strings('fr').rateLimited },
    });
  });

  it('when one user floods, then other users are not affected', async () => {
    const bot = limitedBot(2);
    for (let i = 0; i < 5; i++) await bot.send({ text: `flood ${i}` }, 'flooder');
    expect((await bot.send({ text: 'hello' }, 'someone-else'))[0].text).toBe('answer');
  });

  it('when the cap is 0, then nothing is limited', async () => {
    const bot = limitedBot(0);
    for (let i = 0; i < 50; i++) await bot.send({ text: `m${i}` });
    expect(bot.ran).toHaveLength(50);
  });

  it('when activities are not user input (a conversation update), then they do not count', async () => {
    const bot = limitedBot(1);
    for (let i = 0; i < 3; i++) await bot.send({ type: ActivityTypes.ConversationUpdate, membersAdded: [{ id: 'user-1', name: 'Dana' }] });
    expect((await bot.send({ text: 'hello' }))[0].text).toBe('answer');
  });

  it("when searches go over their own cap, then the extra one gets a message result in the Teams locale's language, and chat messages do not count", async () => {
    const bot = limitedBot(2, undefined, 'search');
    const search = { type: ActivityTypes.Invoke, name: 'composeExtension/query', locale: 'fr-FR', value: { commandId: 'searchAnswers' } };
    for (let i = 0; i < 5; i++) await bot.send({ text: `message ${i}` });
    await bot.send(search);
    await bot.send(search);
    const [reply] = await bot.send(search);
    expect(reply.type).toBe(ActivityTypes.InvokeResponse);
    expect(reply.value).toEqual({ status: 200, body: { composeExtension: { type: 'message', text: strings('fr').search.tooFast } } });
    expect(bot.ran.filter((r) => r === 'composeExtension/query')).toHaveLength(2);
  });

  it('when the chat cap is reached, then searches are not counted against it', async () => {
    const bot = limitedBot(1);
    for (let i = 0; i < 3; i++) await bot.send({ type: ActivityTypes.Invoke, name: 'composeExtension/query', value: {} });
    expect((await bot.send({ text: 'hello' }))[0].text).toBe('answer');
  });

  it('when users go quiet for a minute, then the limiter forgets them', async () => {
    const bot = limitedBot(5);
    for (let i = 0; i < 100; i++) await bot.send({ text: 'hi' }, `user-${i}`);
    expect(bot.limiter.trackedUsers).toBe(100);
    bot.clock.now += 61_000;
    await bot.send({ text: 'hi' }, 'late-user');
    expect(bot.limiter.trackedUsers).toBe(1);
  });
});

describe('RateLimitMiddleware and the message extension dialog', () => {
  it('when a user opens and submits the dialog past the cap, then each counts and the dialog itself shows the refusal', async () => {
    const bot = limitedBot(2, 'en');
    const open = { type: ActivityTypes.Invoke, name: 'composeExtension/fetchTask', value: { commandId: 'askSupport' }, locale: 'fr-FR' };
    await bot.send(open);
    await bot.send({ ...open, name: 'composeExtension/submitAction' });
    const refused = await bot.send(open);
    expect(bot.ran).toEqual(['composeExtension/fetchTask', 'composeExtension/submitAction']);
    expect(refused.map((a) => a.type)).toEqual([ActivityTypes.InvokeResponse]);
    expect((refused[0].value as { body: unknown }).body).toEqual({ task: { type: 'message', value: strings('en').rateLimited } });
  });
});
