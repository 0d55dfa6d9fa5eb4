import { MemoryStorage } from 'botbuilder';
import { createApp, type App } from '../src/app';
import { strings } from '../src/i18n/strings';
import type { Lang } from '../src/i18n/language';
import { silentLogger } from '../src/logging/logger';
import { startServer, type RunningServer } from '../src/server';
import { MASK } from '../src/support/redaction';
import { textOf, type Card } from './helpers/cards';
import { ConnectorStandIn } from './helpers/connector-stand-in';
import { testConfig } from './helpers/test-bot';

const TICKETS_PER_HOUR = 3;
const connector = new ConnectorStandIn();
let server: RunningServer;
let app: App;

beforeAll(async () => {
  await connector.start();
  app = createApp(
    testConfig({
      TICKETS_PER_HOUR: String(TICKETS_PER_HOUR),
      WEBHOOK_URL_MICROSOFT_SUPPORT: `${connector.url}hook-ms`,
      WEBHOOK_URL_CERTIFICATION_SUPPORT: `${connector.url}hook-cs`,
      WEBHOOK_SECRET: 'test-secret-0123456789',
    }),
    silentLogger,
    { storage: new MemoryStorage() },
  );
  server = await startServer(app, silentLogger, { port: 0, host: '127.0.0.1', maxBodyBytes: 256 * 1024 });
});
afterAll(async () => {
  await server.close();
  await connector.stop();
});

interface TaskResponse {
  task?: { type: 'continue' | 'message'; value: string | { title: string; card: { contentType: string; content: Card } } };
}

/** The button Teams shows in a dialog (Action.Submit), with the data it sends back. */
interface SubmitButton {
  readonly title: string;
  readonly data: Record<string, unknown>;
}

function submitButtons(card: Card): SubmitButton[] {
  const found: SubmitButton[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    const obj = node as Record<string, unknown>;
    if (obj.type === 'Action.Submit') found.push({ title: String(obj.title), data: obj.data as Record<string, unknown> });
    Object.values(obj).forEach(walk);
  };
  walk(card);
  return found;
}

/** The value each input of the card holds, by id. */
function inputValues(card: Card): Record<string, string> {
  const body = (card.body ?? []) as { type: string; id?: string; value?: string }[];
  return Object.fromEntries(body.filter((b) => b.type.startsWith('Input.') && b.id).map((b) => [b.id!, b.value ?? '']));
}

let seq = 0;
const groupChat = { id: '19:team-chat@thread.v2', conversationType: 'groupChat', tenantId: 'tenant-1' };

/** An invoke as Teams sends it; the invoke response comes back as the HTTP body. */
/** `locale` null: the activity names none, as a client other than Teams might send it. */
async function invoke(
  name: string,
  value: unknown,
  user: { id: string; name: string },
  locale: string | null = 'en-US',
): Promise<TaskResponse> {
  const res = await fetch(`${server.url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      type: 'invoke',
      name,
      value,
      id: `invoke-${++seq}`,
      channelId: 'msteams',
      serviceUrl: connector.url,
      ...(locale ? { locale } : {}),
      recipient: { id: 'bot' },
      from: user,
      conversation: groupChat,
    }),
  });
  expect(res.status).toBe(200);
  return (await res.json()) as TaskResponse;
}

const fetchTask = (content: string, user: { id: string; name: string }, locale?: string | null, contentType = 'html') =>
  invoke(
    'composeExtension/fetchTask',
    { commandId: 'askSupport', commandContext: 'message', messagePayload: { id: 'm1', body: { contentType, content } } },
    user,
    locale,
  );

const submitAction = (data: Record<string, unknown>, user: { id: string; name: string }, locale?: string) =>
  invoke('composeExtension/submitAction', { commandId: 'askSupport', commandContext: 'message', data }, user, locale);

function dialogOf(response: TaskResponse): { title: string; card: Card } {
  expect(response.task?.type).toBe('continue');
  const value = response.task!.value as { title: string; card: { contentType: string; content: Card } };
  expect(value.card.contentType).toBe('application/vnd.microsoft.card.adaptive');
  return { title: value.title, card: value.card.content };
}

/** Fills the dialog's form as a user would and presses its "Send" button. */
function send(card: Card, lang: Lang, changes: Record<string, string> = {}): Record<string, unknown> {
  const button = submitButtons(card).find((b) => b.title === strings(lang).support.formSubmit)!;
  expect(button).toBeDefined();
  return { ...inputValues(card), ...changes, ...button.data };
}

const webhookCalls = () =>
  connector.calls
    .filter((c) => c.path.startsWith('/hook-'))
    .map((c) => c.activity as { event?: string; ticket?: { id?: string; description?: string } });

describe.each([
  ['en', 'en-US', 'Linking my MCID in Partner Center fails with an association error. My password: Hunter2-secret!'],
  ['fr', 'fr-FR', "La liaison de mon MCID dans l'Espace partenaires échoue avec une erreur d'association. Mot de passe : Hunter2-secret!"],
] as const)('Ask support about this message, in %s, through the HTTP endpoint', (lang, locale, message) => {
  const s = strings(lang);
  const user = { id: `29:user-${lang}`, name: 'Camille' };

  it('when a message is picked, then the dialog opens on the intake form with its text as the description, the password masked, the queue guessed, in the user language', async () => {
    const { title, card } = dialogOf(await fetchTask(`<p>${message}</p>`, user, locale));
    expect(title).toBe(s.dialog.dialogTitle);
    const description = inputValues(card).description;
    expect(description).toContain(MASK);
    expect(description).not.toContain('Hunter2');
    expect(description.startsWith(message.slice(0, 30))).toBe(true);
    expect(textOf(card)).toContain(s.support.formTitle(s.support.queueNames['microsoft-support']));
    expect(textOf(card)).toContain(s.support.formReasons.message);
    expect(textOf(card)).toContain(s.dialog.secretMasked);
    // A dialog's buttons are Action.Submit: Action.Execute does not reach the bot from a dialog.
    expect(JSON.stringify(card)).not.toContain('Action.Execute');
  });

  it('when the form is sent, then the ticket is stored, delivered to the webhook, confirmed in the private chat, and the dialog closes on its id', async () => {
    const { card } = dialogOf(await fetchTask(`<p>${message}</p>`, user, locale));
    const typed = { partnerId: '1234567', errorMessage: 'Error 403 (password: Hunter2-again!)' };
    const response = await submitAction(send(card, lang, typed), user, locale);
    expect(response.task?.type).toBe('message');
    const id = /MS-[0-9A-Z]{6}/.exec(String(response.task!.value))![0];
    // The password typed into the error field is masked, and the user told so.
    expect(response.task!.value).toBe(`${s.dialog.sent(id, s.support.queueNames['microsoft-support'])}\n\n${s.support.secretWarning}`);

    const ticket = (await app.support.tickets.get(id))!;
    expect(ticket).toMatchObject({ queue: 'microsoft-support', language: lang, partnerId: '1234567', user: { id: user.id } });
    expect(ticket.description).toContain(MASK);
    expect(ticket.description).not.toContain('Hunter2');
    // What the user typed into the dialog is masked too, as in the chat.
    expect(ticket.errorMessage).toBe(`Error 403 (password: ${MASK})`);
    // Support's answers go to the user's 1:1 chat, never to the group chat the message was in.
    const privateChat = (ticket.conversation as { conversation: { id: string } }).conversation.id;
    expect(privateChat).toMatch(/^a:private-/);
    const confirmation = connector.to(privateChat).find((c) => c.method === 'POST')!;
    expect(textOf((confirmation.activity.attachments as { content: Card }[])[0].content)).toContain(s.support.confirmationTitle(id));
    expect(connector.to(groupChat.id)).toEqual([]);

    await app.support.worker.idle();
    expect(webhookCalls()).toContainEqual(expect.objectContaining({ event: 'ticket.created', ticket: expect.objectContaining({ id }) }));
  });

  it('when the form is sent with problems, then the dialog shows again with each problem next to its field and the values kept', async () => {
    const { card } = dialogOf(await fetchTask(`<p>${message}</p>`, user, locale));
    const again = dialogOf(
      await submitAction(send(card, lang, { description: 'short', email: 'not-an-email', mcid: '12ab' }), user, locale),
    );
    const text = textOf(again.card);
    expect(text).toContain(s.support.formHasErrors);
    expect(text).toContain(s.support.errors.description);
    expect(text).toContain(s.support.errors.email);
    expect(text).toContain(s.support.errors.mcid);
    expect(text).not.toContain(s.support.errors.partnerId);
    expect(inputValues(again.card)).toMatchObject({ description: 'short', email: 'not-an-email', mcid: '12ab' });
    // The error sits right under its field.
    const body = again.card.body as { id?: string; text?: string }[];
    const emailAt = body.findIndex((b) => b.id === 'email');
    expect(body[emailAt + 1].text).toBe(s.support.errors.email);
  });
});

describe('Ask support about this message: bounds and caps', () => {
  const en = strings('en');

  it('when the message is far longer than a description, then the form holds its first 2,000 characters and says so', async () => {
    const user = { id: '29:long', name: 'Lee' };
    const long = `Merging my two certification profiles fails. ${'The dashboard shows the old one. '.repeat(2000)}`;
    const { card } = dialogOf(await fetchTask(long, user, 'en-US', 'text'));
    expect(inputValues(card).description.length).toBeLessThanOrEqual(2000);
    expect(textOf(card)).toContain(en.dialog.messageCut('2,000'));
    expect(textOf(card)).toContain(en.support.formTitle(en.support.queueNames['certification-support']));
    // What is sent back longer than the form takes is refused as a field problem, not stored.
    const response = dialogOf(await submitAction(send(card, 'en', { description: 'x'.repeat(50_000) }), user));
    expect(textOf(response.card)).toContain(en.support.errors.description);
    expect(inputValues(response.card).description.length).toBeLessThanOrEqual(4001);
    expect(await app.support.tickets.listForUser({ id: user.id, channelId: 'msteams' })).toEqual([]);
  });

  it('when the text does not tell the queue, then the dialog asks it first and the form keeps the message', async () => {
    const user = { id: '29:unsure', name: 'Sam' };
    const first = dialogOf(await fetchTask('Bonjour, pouvez-vous m’aider avec ceci ?', user, null, 'text'));
    const fr = strings('fr');
    expect(first.title).toBe(fr.dialog.dialogTitle);
    expect(textOf(first.card)).toContain(fr.support.askQueueTitle);
    const pick = submitButtons(first.card).find((b) => b.data.queue === 'certification-support')!;
    const form = dialogOf(await submitAction(pick.data, user));
    expect(textOf(form.card)).toContain(fr.support.formTitle(fr.support.queueNames['certification-support']));
    expect(inputValues(form.card).description).toBe('Bonjour, pouvez-vous m’aider avec ceci ?');
  });

  it('when a user is over the hourly cap, then the dialog shows the form again with the clear message and nothing more is filed', async () => {
    const user = { id: '29:busy', name: 'Alex' };
    const message = 'My badge does not show on the dashboard since last week.';
    for (let i = 0; i < TICKETS_PER_HOUR; i++) {
      const { card } = dialogOf(await fetchTask(message, user, 'fr-FR', 'text'));
      expect((await submitAction(send(card, 'fr'), user, 'fr-FR')).task?.type).toBe('message');
    }
    const { card } = dialogOf(await fetchTask(message, user, 'fr-FR', 'text'));
    const refused = dialogOf(await submitAction(send(card, 'fr'), user, 'fr-FR'));
    expect(textOf(refused.card)).toContain(strings('fr').support.ticketLimit(TICKETS_PER_HOUR));
    expect(inputValues(refused.card).description).toBe(message);
    expect(await app.support.tickets.listForUser({ id: user.id, channelId: 'msteams' })).toHaveLength(TICKETS_PER_HOUR);
  });

  it('when the dialog is cancelled, then it closes with nothing filed', async () => {
    const user = { id: '29:cancel', name: 'Kim' };
    const { card } = dialogOf(await fetchTask('Merging my two profiles fails', user, 'en-US', 'text'));
    const cancel = submitButtons(card).find((b) => b.title === en.support.formCancel)!;
    expect(await submitAction(cancel.data, user)).toEqual({});
    expect(await app.support.tickets.listForUser({ id: user.id, channelId: 'msteams' })).toEqual([]);
  });

  it("when the command or the data is not the dialog's, then it answers with a message, never a ticket", async () => {
    const user = { id: '29:forger', name: 'Eve' };
    const unknown = await invoke('composeExtension/fetchTask', { commandId: 'somethingElse' }, user);
    expect(unknown).toEqual({ task: { type: 'message', value: en.dialog.unknownCommand } });
    const forged = await submitAction(
      { verb: 'support.submit', lang: 'en', queue: 'nowhere', description: 'a long enough description' },
      user,
    );
    expect(forged).toEqual({ task: { type: 'message', value: en.dialog.unknownCommand } });
    expect(await app.support.tickets.listForUser({ id: user.id, channelId: 'msteams' })).toEqual([]);
  });
});

describe.each([
  ['en', 'en-US'],
  ['fr', 'fr-FR'],
] as const)('Ask support from the compose box, in %s', (lang, locale) => {
  const s = strings(lang);
  it('when the dialog is opened from the compose box, with no message behind it, then the form does not speak of a picked message', async () => {
    const user = { id: `29:compose-${lang}`, name: 'Noa' };
    const opened = await invoke('composeExtension/fetchTask', { commandId: 'askSupport', commandContext: 'compose' }, user, locale);
    const first = dialogOf(opened);
    expect(textOf(first.card)).toContain(s.support.askQueueTitle);
    const pick = submitButtons(first.card).find((b) => b.data.queue === 'certification-support')!;
    const form = dialogOf(await submitAction(pick.data, user, locale));
    expect(textOf(form.card)).toContain(s.support.formTitle(s.support.queueNames['certification-support']));
    expect(textOf(form.card)).toContain(s.support.formIntro);
    expect(textOf(form.card)).not.toContain(s.support.formReasons.message);
    expect(inputValues(form.card).description ?? '').toBe('');
  });
});
