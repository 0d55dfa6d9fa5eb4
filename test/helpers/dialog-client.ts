import type { Activity, Middleware } from 'botbuilder';
import type { Dialog } from 'botbuilder-dialogs';
import { DialogTestClient } from 'botbuilder-testing';
import { loadKnowledge } from '../../src/app';
import { readUserInput } from '../../src/bot/card-action-parser';
import { setTurnLang, setUserInput } from '../../src/dialogs/user-input';
import type { Lang } from '../../src/i18n/language';
import { cardsOf, type Card } from './cards';
import { testConfig } from './test-bot';

/** The content, cards and recognizer the bot runs with, loaded once per test file. */
export function loadTestKnowledge() {
  return loadKnowledge(testConfig());
}

/**
 * One dialog on its own, driven by botbuilder-testing's DialogTestClient. A middleware does the
 * two things the activity handler does before any dialog runs: it reads the turn's input (typed
 * text or a button's payload) and fixes the reply language.
 */
export function dialogClient(dialog: Dialog, lang: Lang, options?: object): DialogTestClient {
  const asTheBotDoes: Middleware = {
    onTurn: async (context, next) => {
      setUserInput(context, readUserInput(context.activity));
      setTurnLang(context, lang);
      await next();
    },
  };
  return new DialogTestClient('msteams', dialog, options, [asTheBotDoes]);
}

/**
 * A button press as a message whose value is the button's payload (Action.Submit). The payload is
 * checked by the bot's own schema on arrival: a wrong one reaches the dialog as an invalid action.
 */
export function press(action: { readonly verb: string; readonly lang: Lang } & Record<string, unknown>): Partial<Activity> {
  return { type: 'message', value: action };
}

/** Every card the dialog sent this turn: the first reply and any that followed it. */
export function cardsSent(client: DialogTestClient, first: Partial<Activity> | undefined): Card[] {
  const replies: Partial<Activity>[] = [];
  for (let reply = first; reply; reply = client.getNextReply()) replies.push(reply);
  return cardsOf(replies as Activity[]);
}
