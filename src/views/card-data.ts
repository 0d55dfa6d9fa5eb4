import type { Lang } from '../i18n/language';
import type { CardAction } from './card-action-payload';

/** A button: Action.Execute with a verb; `data` repeats the verb so Action.Submit works too. */
export interface CardButton {
  readonly title: string;
  readonly verb: CardAction['verb'];
  readonly data: CardAction;
}

export interface LinkButton {
  readonly title: string;
  readonly url: string;
}

/** cards/welcome.json: the greeting, the menu and the fallback share this layout. */
export interface WelcomeCardData {
  readonly lang: Lang;
  readonly title: string;
  readonly intro: string;
  readonly prompt: string;
  readonly areas: readonly { readonly button: CardButton; readonly description: string }[];
  readonly footer: readonly CardButton[];
}

/** cards/topic-list.json: one area's questions, and the guided flow that serves it. */
export interface TopicListCardData {
  readonly lang: Lang;
  readonly title: string;
  readonly intro: string;
  readonly prompt: string;
  readonly flows: readonly CardButton[];
  readonly topics: readonly CardButton[];
  readonly footer: readonly CardButton[];
}

/** cards/answer.json: a topic's answer. */
export interface AnswerCardData {
  readonly lang: Lang;
  readonly title: string;
  /** Empty when the question named no exam. */
  readonly verdict: string;
  /** What the verdict means (the list's date, who decides, today's routes); empty with no verdict. */
  readonly verdictDetail: string;
  readonly verdictStyle: 'good' | 'attention' | 'default';
  readonly summary: string;
  /** Says which date the steps' screens are from, when they may have changed since; or empty. */
  readonly stepsNote: string;
  readonly steps: readonly { readonly number: number; readonly text: string }[];
  /** A markdown bullet list, or empty. */
  readonly notes: string;
  /** A prominent next step, e.g. "Open a ticket" on answers whose answer is support. */
  readonly cta: readonly CardButton[];
  readonly linksTitle: string;
  readonly links: readonly LinkButton[];
  /** Shown with `seeAlso`: the answer may not be the one meant. */
  readonly seeAlsoTitle: string;
  /** The close neighbour the recognizer scored almost as high, or empty. */
  readonly seeAlso: readonly CardButton[];
  readonly relatedTitle: string;
  readonly related: readonly CardButton[];
  /** "Source: …, August 2020." and, where things changed since, today's official page. */
  readonly source: string;
  readonly feedback: { readonly text: string; readonly buttons: readonly CardButton[] };
  readonly footer: readonly CardButton[];
}

/** cards/exam-verdict.json: whether one exam qualifies, and the list that does. */
export interface ExamVerdictCardData {
  readonly lang: Lang;
  readonly verdict: string;
  readonly verdictDetail: string;
  readonly verdictStyle: 'good' | 'attention';
  readonly listTitle: string;
  readonly exams: readonly { readonly code: string; readonly name: string }[];
  /** Where the list comes from and its date. */
  readonly source: string;
  /** The next question of the guided flow, or empty. */
  readonly question: string;
  readonly choices: readonly CardButton[];
  readonly footer: readonly CardButton[];
}

/** cards/choice.json: a guided-flow question with buttons and, optionally, a drop-down. */
export interface ChoiceCardData {
  readonly lang: Lang;
  /** Shown above the question on a retry; empty otherwise. */
  readonly notice: string;
  readonly title: string;
  readonly prompt: string;
  readonly picker: {
    readonly inputId: string;
    readonly placeholder: string;
    readonly options: readonly { readonly title: string; readonly value: string }[];
    readonly submit: CardButton;
  };
  readonly choices: readonly CardButton[];
  readonly footer: readonly CardButton[];
}

/** cards/email-draft.json: the ready-to-send e-mail to Excelsior. */
export interface EmailDraftCardData {
  readonly lang: Lang;
  readonly title: string;
  readonly intro: string;
  readonly toLabel: string;
  readonly to: string;
  readonly subjectLabel: string;
  readonly subject: string;
  readonly body: string;
  readonly reminder: string;
  readonly openTitle: string;
  readonly mailto: string;
  readonly footer: readonly CardButton[];
}
/** cards/insights-digest.json: the week's figures against the week before, and what needs a look. */
export interface DigestCardData {
  readonly lang: Lang;
  readonly title: string;
  readonly period: string;
  readonly figuresTitle: string;
  readonly figures: readonly { readonly title: string; readonly value: string }[];
  readonly sections: readonly { readonly title: string; readonly lines: readonly { readonly text: string }[] }[];
}

/** cards/satisfaction.json: after a ticket is resolved, a 1-5 rating and an optional comment. */
export interface SatisfactionCardData {
  readonly lang: Lang;
  readonly title: string;
  readonly prompt: string;
  readonly ratingLabel: string;
  readonly ratingRequired: string;
  readonly ratings: readonly { readonly title: string; readonly value: string }[];
  readonly commentLabel: string;
  readonly submit: CardButton;
}
