import { LANGUAGES } from '../i18n/language';
import type { KnowledgeBase } from '../knowledge/knowledge-base';
import type { CardBuilder } from './card-builder';

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
    add('answer:exam-eligible', cards.answer('credit-eligible-exams', lang, { exam: kb.exams.verdict(eligible.code) }));
    add('answer:exam-not-eligible', cards.answer('credit-eligible-exams', lang, { exam: kb.exams.verdict('AZ-104') }));
    add('exam-verdict:ask', cards.examVerdict(kb.exams.verdict(eligible.code), lang, true));
    add('exam-verdict:not-eligible', cards.examVerdict(kb.exams.verdict('AZ-104'), lang, true));
    add('choice:exam', cards.examQuestion(lang, false));
    add('choice:exam-retry', cards.examQuestion(lang, true));
    add('choice:situation', cards.situationQuestion(lang, false));
    add('email-draft:badge', cards.emailDraft(eligible.code, 'badge', lang));
    add('email-draft:transcript', cards.emailDraft(eligible.code, 'transcript', lang));
  }
  return out;
}
