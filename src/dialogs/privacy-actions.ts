import type { TurnContext } from 'botbuilder';
import { strings } from '../i18n/strings';
import type { Lang } from '../i18n/language';
import { button, type CardBuilder } from '../views/card-builder';
import type { CardRenderer } from '../views/card-renderer';
import { sendCard, sendText } from './replies';

/** Deletes the user's state and the personal data in their tickets. */
export type ForgetUser = (context: TurnContext) => Promise<void>;

/** "forget me" / "oublie-moi": a confirmation first, then everything personal goes. */
export class PrivacyActions {
  constructor(
    private readonly renderer: CardRenderer,
    private readonly cards: CardBuilder,
    private readonly forgetUser: ForgetUser,
  ) {}

  async ask(context: TurnContext, lang: Lang): Promise<void> {
    const s = strings(lang);
    await sendCard(
      context,
      this.renderer.render('choice', {
        lang,
        notice: '',
        title: s.forgetTitle,
        prompt: s.forgetPrompt,
        picker: {
          inputId: 'none',
          placeholder: '',
          options: [],
          submit: button(s.forgetNo, { verb: 'privacy.forget', lang, confirm: false }),
        },
        choices: [
          button(s.forgetYes, { verb: 'privacy.forget', lang, confirm: true }),
          button(s.forgetNo, { verb: 'privacy.forget', lang, confirm: false }),
        ],
        footer: this.cards.footer(lang),
      }),
    );
  }

  async answer(context: TurnContext, lang: Lang, confirm: boolean): Promise<void> {
    if (confirm) await this.forgetUser(context);
    await sendText(context, confirm ? strings(lang).forgotten : strings(lang).forgetKept);
  }
}
