import { LANGUAGES } from '../i18n/language';
import type { KnowledgeBase } from '../knowledge/knowledge-base';
import type { Ticket } from '../support/ticket';
import type { CardBuilder } from './card-builder';
import type { SupportCards } from './support-cards';

/**
 * Renders every card the bot can send, in both languages, from the real content. Startup runs
 * it under the renderer's verify(), so a template field that no data fills stops the bot; the
 * card tests validate the same set with the Adaptive Cards parser.
 */
export function renderAllCards(kb: KnowledgeBase, cards: CardBuilder): { name: string; lang: string; card: Record<string, unknown> }[] {
  const out: { name: string; lang: string; card: Record<string, unknown> }[] = [];
  const [eligible] = kb.exams.eligible;
  for (const lang of LANGUAGES) {
    const add = (name: string, card: Record<string, unknown>) => out.push({ name, lang, card });
    add('welcome', cards.menu(lang, 'welcome'));
    add('menu', cards.menu(lang, 'menu'));
    add('fallback', cards.menu(lang, 'fallback'));
    kb.areas.forEach((area) => add(`area:${area.id}`, cards.area(area.id, lang)));
    kb.topics.forEach((topic) => add(`answer:${topic.id}`, cards.answer(topic.id, lang)));
    add('answer:feedback-yes', cards.answer('credit-overview', lang, { feedback: 'yes' }));
    add('answer:see-also', cards.answer('link-how', lang, { seeAlso: 'link-overview' }));
    add('answer:exam-eligible', cards.answer('credit-eligible-exams', lang, { exam: kb.exams.verdict(eligible.code) }));
    add('answer:exam-not-eligible', cards.answer('credit-eligible-exams', lang, { exam: kb.exams.verdict('AZ-104') }));
    add('exam-verdict:ask', cards.examVerdict(kb.exams.verdict(eligible.code), lang, true));
    add('exam-verdict:not-eligible', cards.examVerdict(kb.exams.verdict('AZ-104'), lang, true));
    add('choice:exam', cards.examQuestion(lang, false));
    add('choice:exam-retry', cards.examQuestion(lang, true));
    add('choice:situation', cards.situationQuestion(lang, false));
    add('choice:did-you-mean', cards.suggestions(['link-how', 'link-overview', 'unlink'], lang));
    add('email-draft:badge', cards.emailDraft(eligible.code, 'badge', lang));
    add('email-draft:transcript', cards.emailDraft(eligible.code, 'transcript', lang));
  }
  return out;
}

/** The escalation's cards, from a sample ticket, in both languages. */
export function renderSupportCards(cards: SupportCards): { name: string; lang: string; card: Record<string, unknown> }[] {
  const out: { name: string; lang: string; card: Record<string, unknown> }[] = [];
  for (const lang of LANGUAGES) {
    const add = (name: string, card: Record<string, unknown>) => out.push({ name, lang, card });
    const ticket: Ticket = {
      id: 'CS-ABC234',
      queue: 'certification-support',
      topic: 'support-mcid-merge',
      flowStep: 'credit-exam-prompt',
      language: lang,
      user: { id: 'u1', name: 'Sample User' },
      description: 'Two certification profiles need merging.',
      email: 'user@contoso.com',
      mcid: '1234567',
      partnerId: '7654321',
      errorMessage: 'Sample error',
      conversation: {},
      transcript: [{ from: 'user', text: 'merge my profiles', at: new Date(0).toISOString() }],
      createdAt: new Date(0).toISOString(),
      status: 'assigned',
      assignee: { id: 'a1', name: 'Agent' },
      history: [{ at: new Date(0).toISOString(), status: 'open' }],
    };
    add('support:queue', cards.queueQuestion(lang, { retry: false, creditApplication: true }));
    add('support:intake-errors', cards.intakeForm(lang, ticket, { description: 'short' }, ['description', 'email']));
    add('support:intake', cards.intakeForm(lang, { queue: 'microsoft-support', topic: null }, {}, []));
    add('support:confirmation', cards.confirmation(ticket, lang));
    const refreshFor = ['29:requester', '29:agent'];
    add('support:ticket', cards.ticket(ticket, lang, { viewer: 'agent', notice: 'notice', refreshFor }));
    const waiting: Ticket = { ...ticket, status: 'open', assignee: undefined };
    add('support:ticket-requester', cards.ticket(waiting, lang, { viewer: 'requester', refreshFor }));
    add('support:ticket-requester-resolved', cards.ticket({ ...ticket, status: 'resolved' }, lang, { viewer: 'requester' }));
    add('support:ticket-status-only', cards.ticket(waiting, lang, { refreshFor, now: new Date(0) }));
    add('support:ticket-closed', cards.ticket({ ...ticket, status: 'closed' }, lang, { viewer: 'agent' }));
    add('support:ticket-list', cards.ticketList([ticket], lang));
    add('support:ticket-list-empty', cards.ticketList([], lang));
    add('support:solved', cards.solvedQuestion(ticket, lang));
    add('support:satisfaction', cards.satisfaction(ticket, lang));
    add('support:offer', cards.offer(lang, true));
    add('support:add-to-ticket', cards.addToTicket(ticket.id, 'The e-mail on my second profile is dana@contoso.com', lang));
    add(
      'support:intake-reason',
      cards.intakeForm(lang, { queue: 'certification-support', topic: null, reason: 'unanswered' }, { description: 'two questions' }, []),
    );
    add('support:confirmation-recorded', cards.confirmation(ticket, lang, false));
  }
  return out;
}
