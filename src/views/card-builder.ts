import type { Lang } from '../i18n/language';
import { strings } from '../i18n/strings';
import {
  EXAM_LIST_TOPIC,
  LINKING_SITUATIONS,
  VERIFY_METHOD_TOPIC,
  type AreaId,
  type TopicId,
  type VerifyMethod,
} from '../knowledge/catalog';
import type { ExamVerdict } from '../knowledge/exam-codes';
import type { KnowledgeBase } from '../knowledge/knowledge-base';
import type { CardAction } from './card-action-payload';
import type { AnswerCardData, CardButton, ChoiceCardData, TopicListCardData } from './card-data';
import type { CardJson, CardRenderer } from './card-renderer';

export type Feedback = 'yes' | 'no' | undefined;
/** The card a language button was on: an answer (with its exam verdicts), an area, or the menu. */
export interface ShownCard {
  readonly topicId?: TopicId;
  readonly seeAlso?: TopicId;
  readonly area?: AreaId;
  readonly examCodes?: string[];
}

const EXCELSIOR = 'itcertifications@excelsior.edu';
const other = (lang: Lang): Lang => (lang === 'en' ? 'fr' : 'en');

export function button(title: string, data: CardAction): CardButton {
  return { title, verb: data.verb, data };
}

/** Builds each card's data from the knowledge base and the strings, then renders it. */
export class CardBuilder {
  constructor(
    private readonly kb: KnowledgeBase,
    private readonly renderer: CardRenderer,
  ) {}

  /** `shown`: what the card shows, so the language button can show it again in the other language. */
  footer(lang: Lang, faqId?: TopicId, shown: ShownCard = faqId ? { topicId: faqId } : {}): CardButton[] {
    const s = strings(lang);
    return [
      button(s.backToMenu, { verb: 'menu', lang }),
      button(s.contactSupport, { verb: 'support', lang, ...(faqId ? { faqId } : {}) }),
      button(s.switchLanguage, { verb: 'language', lang: other(lang), ...shown }),
    ];
  }

  /** The greeting and the menu; the fallback uses the same layout with an honest title. */
  menu(lang: Lang, variant: 'welcome' | 'menu' | 'fallback'): CardJson {
    const s = strings(lang);
    const title = { welcome: s.welcomeTitle, menu: s.menuTitle, fallback: s.fallbackTitle }[variant];
    const intro = variant === 'fallback' ? s.fallbackIntro : s.welcomeIntro;
    return this.renderer.render('welcome', {
      lang,
      title,
      intro,
      prompt: s.menuPrompt,
      areas: this.kb.areas.map((area) => ({
        button: button(area[lang].title, { verb: 'area', lang, area: area.id }),
        description: area[lang].description,
      })),
      footer: this.footer(lang),
    });
  }

  area(id: AreaId, lang: Lang): CardJson {
    const s = strings(lang);
    const area = this.kb.area(id);
    const flows: CardButton[] = [];
    if (id === 'credit') flows.push(button(s.creditFlowButton, { verb: 'credit.start', lang }));
    if (id === 'linking') flows.push(button(s.linkingFlowButton, { verb: 'linking.start', lang }));
    const data: TopicListCardData = {
      lang,
      title: area[lang].title,
      intro: area[lang].description,
      prompt: s.areaPrompt,
      flows,
      topics: area.topics.map((topicId) => button(this.kb.text(topicId, lang).title, { verb: 'topic', lang, topicId })),
      footer: this.footer(lang, undefined, { area: id }),
    };
    return this.renderer.render('topic-list', data);
  }

  /** `exam`/`exams`: the verdicts for the exam codes the question named, one line each. */
  /**
   * `shared`: the card inserted into any conversation by the search message extension. It keeps
   * what everyone there can use (the answer, its links) and drops the buttons that continue a
   * conversation with the bot, which may not be in that chat. `seeAlso`: a close neighbour
   * the question may have meant (the recognizer's `seeAlso`), offered as one tap.
   */
  answer(
    topicId: TopicId,
    lang: Lang,
    options: { exam?: ExamVerdict; exams?: readonly ExamVerdict[]; feedback?: Feedback; shared?: boolean; seeAlso?: TopicId } = {},
  ): CardJson {
    const s = strings(lang);
    const topic = this.kb.topic(topicId);
    const text = topic[lang];
    const { feedback } = options;
    const steps = text.steps ?? [];
    const exams = options.exams ?? (options.exam ? [options.exam] : []);
    const eligible = exams.filter((e) => e.eligible).length;
    const near = options.seeAlso !== topicId ? options.seeAlso : undefined;
    const topicButton = (id: TopicId) => button(this.kb.text(id, lang).title, { verb: 'topic', lang, topicId: id });
    // The card drawn again (feedback, the other language) keeps its "See also".
    const kept = near ? { seeAlso: near } : {};
    const data: AnswerCardData = {
      lang,
      title: text.title,
      verdict: exams.map((e) => this.verdictText(e, lang)).join('\n\n'),
      // Two listed exams share one detail: say it once.
      verdictDetail: [...new Set(exams.map((e) => this.verdictDetail(e, lang)))].join('\n\n'),
      verdictStyle: exams.length === 0 || (eligible > 0 && eligible < exams.length) ? 'default' : eligible > 0 ? 'good' : 'attention',
      summary: text.summary,
      // Screens change: steps from a dated source say so when today's page is known to differ.
      stepsNote: steps.length > 0 && topic.source.current ? s.stepsDated(topic.source.date) : '',
      steps: steps.map((step, i) => ({ number: i + 1, text: step })),
      notes: (text.notes ?? []).map((n) => `- ${n}`).join('\n'),
      cta: this.callsToAction(topicId, lang, feedback),
      linksTitle: s.linksTitle,
      links: text.links ?? [],
      seeAlsoTitle: s.seeAlsoTitle,
      seeAlso: near ? [topicButton(near)] : [],
      relatedTitle: s.relatedTitle,
      // Offered once: as "See also" when it is the close neighbour.
      related: topic.related.filter((id) => id !== near).map(topicButton),
      source: this.sourceLine(topicId, lang),
      feedback: feedback
        ? { text: feedback === 'yes' ? s.feedbackThanks : s.feedbackSorry, buttons: [] }
        : {
            text: s.helpfulQuestion,
            buttons: [
              button(s.yes, { verb: 'feedback', lang, faqId: topicId, helpful: true, ...kept }),
              button(s.no, { verb: 'feedback', lang, faqId: topicId, helpful: false, ...kept }),
            ],
          },
      footer: this.footer(lang, topicId, { topicId, ...kept, ...(exams.length > 0 ? { examCodes: exams.map((e) => e.code) } : {}) }),
    };
    const shared: AnswerCardData = {
      ...data,
      cta: [],
      seeAlso: [],
      related: [],
      feedback: { text: s.search.sharedNote, buttons: [] },
      footer: [],
    };
    return this.renderer.render('answer', options.shared ? shared : data);
  }

  /** Answers that are "contact support", and a "No, not helpful", lead straight to a ticket. */
  private callsToAction(topicId: TopicId, lang: Lang, feedback: Feedback): CardButton[] {
    const s = strings(lang);
    if (feedback === 'no') return [button(s.contactSupport, { verb: 'support', lang, faqId: topicId })];
    if (this.kb.topic(topicId).escalatesTo) return [button(s.support.openTicketButton, { verb: 'support', lang, faqId: topicId })];
    if (topicId === 'association-limit') return [button(s.support.stillLimitedButton, { verb: 'support', lang, faqId: topicId })];
    return [];
  }

  /** "Did you mean…": up to three topics, and a way to a person when none fits. */
  suggestions(topics: readonly TopicId[], lang: Lang): CardJson {
    const s = strings(lang);
    const choices = topics.slice(0, 3).map((topicId) => button(this.kb.text(topicId, lang).title, { verb: 'topic', lang, topicId }));
    return this.renderer.render('choice', {
      lang,
      notice: '',
      title: s.didYouMeanTitle,
      prompt: s.didYouMeanPrompt,
      picker: { inputId: 'none', placeholder: '', options: [], submit: button(s.backToMenu, { verb: 'menu', lang }) },
      choices: [...choices, button(s.noneOfThese, { verb: 'support', lang })],
      footer: this.footer(lang),
    });
  }

  verdictText(exam: ExamVerdict, lang: Lang): string {
    const s = strings(lang);
    return exam.eligible && exam.name ? s.examEligible(exam.code, exam.name) : s.examNotEligible(exam.code);
  }

  /** The list's terms for a listed exam; today's routes for any other. */
  verdictDetail(exam: ExamVerdict, lang: Lang): string {
    const s = strings(lang);
    if (!exam.eligible) return s.examNotEligibleDetail;
    const listed = this.kb.exams.eligible.find((e) => e.code === exam.code);
    return s.examEligibleDetail(listed?.retired ?? false);
  }

  /** "Source: …, August 2020." with today's official page where the source is out of date. */
  sourceLine(topicId: TopicId, lang: Lang): string {
    const s = strings(lang);
    const { source } = this.kb.topic(topicId);
    return s.sourceLine(source[lang], source.date) + (source.current ? s.currentPage(source.current) : '');
  }

  /** The verdict; in the credit flow an eligible exam also asks how to verify. */
  examVerdict(exam: ExamVerdict, lang: Lang, askVerification: boolean): CardJson {
    const s = strings(lang);
    const ask = askVerification && exam.eligible;
    return this.renderer.render('exam-verdict', {
      lang,
      verdict: this.verdictText(exam, lang),
      verdictDetail: this.verdictDetail(exam, lang),
      verdictStyle: exam.eligible ? 'good' : 'attention',
      listTitle: s.eligibleListTitle,
      exams: this.kb.exams.eligible.map(({ code, name }) => ({ code, name })),
      source: this.sourceLine(EXAM_LIST_TOPIC, lang),
      question: ask ? s.askVerify : '',
      choices: ask
        ? [
            button(s.verifyBadge, { verb: 'credit.verify', lang, examCode: exam.code, method: 'badge' }),
            button(s.verifyTranscript, { verb: 'credit.verify', lang, examCode: exam.code, method: 'transcript' }),
          ]
        : [button(s.checkAnotherExam, { verb: 'credit.start', lang })],
      footer: this.footer(lang, EXAM_LIST_TOPIC, { examCodes: [exam.code] }),
    });
  }

  examQuestion(lang: Lang, retry: boolean): CardJson {
    const s = strings(lang);
    const data: ChoiceCardData = {
      lang,
      notice: retry ? s.examRetry : '',
      title: s.askExamTitle,
      prompt: s.askExamPrompt,
      picker: {
        inputId: 'examCode',
        placeholder: s.examPlaceholder,
        options: this.kb.exams.eligible.map((e) => ({ title: `${e.code}: ${e.name}`, value: e.code })),
        submit: button(s.examCheck, { verb: 'credit.exam', lang }),
      },
      choices: [],
      footer: this.footer(lang),
    };
    return this.renderer.render('choice', data);
  }

  situationQuestion(lang: Lang, retry: boolean): CardJson {
    const s = strings(lang);
    return this.renderer.render('choice', {
      lang,
      notice: retry ? s.situationRetry : '',
      title: s.askSituationTitle,
      prompt: s.askSituationPrompt,
      picker: { inputId: 'none', placeholder: '', options: [], submit: button(s.askSituationTitle, { verb: 'linking.start', lang }) },
      choices: LINKING_SITUATIONS.map((topicId) => button(s.situations[topicId], { verb: 'linking.situation', lang, topicId })),
      footer: this.footer(lang),
    });
  }

  emailDraft(examCode: string, method: VerifyMethod, lang: Lang): CardJson {
    const s = strings(lang);
    const subject = s.emailSubject(examCode);
    const body = s.emailBody(examCode, method);
    return this.renderer.render('email-draft', {
      lang,
      title: s.emailTitle,
      intro: s.emailIntro,
      toLabel: s.emailTo,
      to: EXCELSIOR,
      subjectLabel: s.emailSubjectLabel,
      subject,
      body,
      reminder: s.emailReminder,
      openTitle: s.emailOpen,
      mailto: `mailto:${EXCELSIOR}?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(body)}`,
      footer: this.footer(lang, VERIFY_METHOD_TOPIC[method], {}),
    });
  }
}
