import type {
  AnswerCardData,
  ChoiceCardData,
  EmailDraftCardData,
  DigestCardData,
  ExamVerdictCardData,
  SatisfactionCardData,
  TopicListCardData,
  WelcomeCardData,
} from './card-data';
import type { IntakeFormCardData, TicketCardData, TicketConfirmationCardData, TicketListCardData } from './support-card-data';

/** Every template in cards/ and the data it is expanded with; the renderer checks each name exists at startup. */
export interface CardDataByTemplate {
  welcome: WelcomeCardData;
  'topic-list': TopicListCardData;
  answer: AnswerCardData;
  'exam-verdict': ExamVerdictCardData;
  choice: ChoiceCardData;
  'email-draft': EmailDraftCardData;
  'intake-form': IntakeFormCardData;
  'ticket-confirmation': TicketConfirmationCardData;
  ticket: TicketCardData;
  'ticket-list': TicketListCardData;
  satisfaction: SatisfactionCardData;
  'insights-digest': DigestCardData;
}

export type TemplateName = keyof CardDataByTemplate;
export const TEMPLATE_NAMES: readonly TemplateName[] = [
  'welcome',
  'topic-list',
  'answer',
  'exam-verdict',
  'choice',
  'email-draft',
  'intake-form',
  'ticket-confirmation',
  'ticket',
  'ticket-list',
  'satisfaction',
  'insights-digest',
];
