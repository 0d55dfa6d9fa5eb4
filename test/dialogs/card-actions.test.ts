import { cardActionHandlers, routeAction, type VerbHandlers } from '../../src/dialogs/card-actions';
import type { DialogContext } from '../../src/dialogs/dialog-library';
import type { PrivacyActions } from '../../src/dialogs/privacy-actions';
import type { YesNoQuestions } from '../../src/dialogs/yes-no-questions';
import { cardActionSchema } from '../../src/views/card-action-payload';
import { createTestBot } from '../helpers/test-bot';

const schemaVerbs = cardActionSchema.options.map((option) => option.shape.verb.value).sort();

describe('card verbs are routed through one table', () => {
  it('when the payload schema has a verb, then the table has its handler, and it has none for verbs the schema lacks', () => {
    const { app, feedback } = createTestBot();
    const handlers = cardActionHandlers({
      kb: app.kb,
      cards: app.cards,
      feedback,
      support: app.support.actions,
      // Never called here: the table is only read.
      privacy: {} as PrivacyActions,
      yesNo: {} as YesNoQuestions,
    });
    expect(Object.keys(handlers).sort()).toEqual(schemaVerbs);
    for (const verb of schemaVerbs) expect(typeof handlers[verb]).toBe('function');
  });

  it.each([
    { verb: 'ticket.reply', lang: 'fr', ticketId: 'MS-ABC234', reply: 'Bonjour' },
    { verb: 'credit.verify', lang: 'en', examCode: 'AZ-104', method: 'badge' },
  ] as const)('when a $verb click is routed, then only its own handler runs, with the payload and the flow step', async (action) => {
    const calls: string[] = [];
    const recorder = (verb: string) => async (_dc: DialogContext, payload: object, step?: string) =>
      calls.push(`${verb} ${JSON.stringify(payload)} ${step}`);
    const handlers = Object.fromEntries(schemaVerbs.map((verb) => [verb, recorder(verb)])) as VerbHandlers;
    await routeAction(handlers, {} as DialogContext, action.verb, action, 'step-2');
    expect(calls).toEqual([`${action.verb} ${JSON.stringify(action)} step-2`]);
  });
});
