import type { Lang } from '../i18n/language';
import { askedClause } from './asked-clause';
import { isTopicId, type Intent, type TopicId } from '../knowledge/catalog';
import type { ExamVerdict } from '../knowledge/exam-codes';
import type { KnowledgeBase } from '../knowledge/knowledge-base';
import { buildLexicon, detectLanguage, type LanguageGuess, type Lexicon } from './language-detector';
import { LinearClassifier } from './linear-classifier';
import { asksAboutCredit, OffTopic } from './off-topic';
import type { Ranker } from './ranker';
import { Speller } from './speller';
import { labelScoresOf, topCandidates } from './top-candidates';
import { dropGreeting, stripMentions, tokenize } from './text-normalizer';
import { prepare, trainingExamples, type Example } from './training-set';
import { Vocabulary } from './vocabulary';

export interface Alternative {
  readonly topic: Intent;
  readonly confidence: number;
}

/** What a question resolves to; the same object the `ask` command prints and the bot traces. */
export interface Recognition {
  /** The question as matched: without a Teams `<at>…</at>` mention. */
  readonly text: string;
  readonly topic: Intent | null;
  readonly confidence: number;
  readonly language: Lang;
  /** Answered: the runners-up. Not answered: the best candidates. Best first, at most three. */
  readonly alternatives: readonly Alternative[];
  /**
   * Filled only when the bot should ask "Did you mean…": no answer, but up to three topics
   * worth offering (the best is between the two thresholds, or the top two are too close).
   * Empty when the bot answers and when it should fall back honestly. Never `help`/`human`.
   */
  readonly suggestions: readonly Alternative[];
  /**
   * Answered, and the runner-up is a topic scored almost as high: the close neighbour the
   * answer card offers as "See also" ("how do I link" answered, "what linking is" one tap away).
   */
  readonly seeAlso?: { readonly topic: TopicId; readonly confidence: number };
  readonly exam?: ExamVerdict;
  /** Set when the question names more than one exam: a verdict for each, `exam` being the first. */
  readonly exams?: readonly ExamVerdict[];
}

export interface RecognizerOptions {
  /** At or above this confidence, and clearly ahead of the runner-up, the bot answers. */
  readonly answerThreshold?: number;
  /** From this confidence up to the answer threshold, the bot offers suggestions. */
  readonly suggestThreshold?: number;
  /** When the runner-up is within this distance of the best, the bot suggests instead of answering. */
  readonly suggestMargin?: number;
  /** Answered, a topic runner-up within this distance of the best is offered as "See also". */
  readonly seeAlsoGap?: number;
  /** Builds the ranker from the content's examples; lets the evaluation compare approaches. */
  readonly ranker?: (examples: readonly Example[]) => Ranker;
  /**
   * The bot's typed commands ("menu", "hello", "open a ticket"), answered before any matching:
   * `help` or `human` for such a text. Given, the recognizer reports the same intent, so the
   * trace, `ask` and the evaluation all say what the bot did.
   */
  readonly shortcut?: (text: string) => 'help' | 'human' | undefined;
}

/** Chosen by cross-validation on the content's own examples (docs/matching.md). */
export const RECOGNIZER_DEFAULTS = { answerThreshold: 0.5, suggestThreshold: 0.35, suggestMargin: 0.05, seeAlsoGap: 0.3 } as const;

type Thresholds = Required<Omit<RecognizerOptions, 'ranker' | 'shortcut'>>;

const round = (n: number) => Math.round(n * 1000) / 1000;

/**
 * The recognizer reads at most this many characters of a message. The longest question of the
 * held-out set is 109 characters and a question with its context ("I'm the admin at…, we
 * linked…, how do I…") stays under 300; 500 leaves room for that and no more. Past it the text
 * is a paste (an e-mail thread, a log) whose rest only dilutes the match, and every step after
 * this (speller, classifier, coverage) then works on a bounded input. The caller keeps the
 * whole message (a ticket quotes it).
 */
export const MAX_MATCHED_CHARS = 500;

/** The first MAX_MATCHED_CHARS characters, cut at a space when there is one, without a mention. */
function forMatching(text: string): string {
  const clean = stripMentions(text.length > 4 * MAX_MATCHED_CHARS ? text.slice(0, 4 * MAX_MATCHED_CHARS) : text);
  if (clean.length <= MAX_MATCHED_CHARS) return clean;
  const space = clean.lastIndexOf(' ', MAX_MATCHED_CHARS);
  return clean.slice(0, space > MAX_MATCHED_CHARS / 2 ? space : MAX_MATCHED_CHARS);
}
const MAX_ALTERNATIVES = 3;
const ELIGIBILITY = 'credit-eligible-exams';

/**
 * Turns a message into an intent: strips a Teams mention, reads exam codes as entities, detects
 * the language, fixes typos against the content's vocabulary, ranks the intents with a
 * classifier trained at startup on the content's examples, weighs each by how much of the
 * question that intent's examples cover, then applies the thresholds.
 */
export class FaqRecognizer {
  readonly options: Thresholds;
  private readonly ranker: Ranker;
  private readonly vocabulary: Vocabulary;
  private readonly speller: Speller;
  private readonly lexicon: Lexicon;
  private readonly examOffTopic: OffTopic;
  private readonly offTopic: OffTopic;
  private readonly shortcut: RecognizerOptions['shortcut'];

  /** `options` may be a bare number: the answer threshold, as before options existed. */
  constructor(
    private readonly kb: KnowledgeBase,
    options: number | RecognizerOptions = {},
  ) {
    const given: RecognizerOptions = typeof options === 'number' ? { answerThreshold: options } : options;
    const defined = Object.fromEntries(Object.entries(given).filter(([, v]) => v !== undefined)) as RecognizerOptions;
    const { ranker, shortcut, ...thresholds } = { ...RECOGNIZER_DEFAULTS, ...defined };
    this.options = thresholds;
    this.shortcut = shortcut;
    const examples = trainingExamples(kb);
    this.ranker = ranker ? ranker(examples) : new LinearClassifier(examples);
    this.vocabulary = new Vocabulary(examples);
    const offTopicWords = [...kb.intents.examOffTopic, ...(kb.intents.offTopic ?? [])];
    const inScope = (lang: Lang) => examples.filter((e) => e.lang === lang && e.label !== 'none').map((e) => e.text);
    this.speller = new Speller({
      en: inScope('en'),
      fr: inScope('fr'),
      outOfScope: examples.filter((e) => e.label === 'none').map((e) => e.text),
      offTopic: offTopicWords,
    });
    this.lexicon = buildLexicon({
      en: examples.filter((e) => e.lang === 'en').map((e) => e.text),
      fr: examples.filter((e) => e.lang === 'fr').map((e) => e.text),
    });
    this.examOffTopic = new OffTopic(kb.intents.examOffTopic, true);
    this.offTopic = new OffTopic(kb.intents.offTopic ?? [], false);
  }

  /** English or French for this text, using the content's vocabulary for short messages. */
  detectLanguage(text: string): LanguageGuess {
    return detectLanguage(prepare(forMatching(text)), this.lexicon);
  }

  recognize(text: string, fallbackLang: Lang = 'en'): Recognition {
    const clean = stripMentions(text);
    const matched = forMatching(text);
    const masked = prepare(matched);
    const detected = detectLanguage(masked, this.lexicon).lang;
    const language = detected ?? fallbackLang;
    const verdicts = this.kb.exams.verdictsFor(matched);
    const exam = verdicts[0];
    const base = { text: clean, language, ...(exam ? { exam } : {}), ...(verdicts.length > 1 ? { exams: verdicts } : {}) };
    const none: Recognition = { ...base, topic: null, confidence: 0, alternatives: [], suggestions: [] };
    // A command ("menu", "open a ticket") is answered before matching: no spelling or scoring for it.
    const command = this.shortcut?.(clean);
    if (command) return { ...none, topic: command, confidence: 1 };
    // Only towards the question's own language: "hier" is not a typo of "hire".
    const prepared = dropGreeting(this.speller.correctText(masked, detected));
    if (tokenize(prepared).length === 0) return none;
    // "How much is AZ-104" names an exam but asks about its price: out of scope, not eligibility.
    if ((exam && this.examOffTopic.matches(prepared)) || this.offTopic.matches(prepared)) return none;
    const { candidates, noneScore } = this.score(prepared, exam);
    const whole = decide(candidates, noneScore, this.options);
    const decision = whole.topic === null ? (this.focused(masked, exam, whole) ?? whole) : whole;
    // An exam code and a credit word: the verdict is what the user needs, even when the
    // wording left the score under the threshold ("AZ-900 gives any college credit or not?").
    if (decision.topic === null && exam && asksAboutCredit(prepared)) return { ...base, ...verdict(decision, candidates) };
    return { ...base, ...decision };
  }

  /**
   * A long message whose context clause names another topic ("my admin wants the skills
   * report, but how do I unlink?") is read again on the clause that asks. Its answer is kept
   * only when the whole message already ranked that topic among its best, so the focus sharpens
   * a reading instead of finding a new one in a fragment.
   */
  private focused(masked: string, exam: ExamVerdict | undefined, whole: Decision): Decision | undefined {
    const clause = askedClause(masked);
    if (clause === undefined) return undefined;
    const prepared = dropGreeting(this.speller.correctText(clause));
    if (tokenize(prepared).length === 0 || (exam && this.examOffTopic.matches(prepared)) || this.offTopic.matches(prepared))
      return undefined;
    const { candidates, noneScore } = this.score(prepared, exam);
    const focus = decide(candidates, noneScore, this.options);
    if (focus.topic === null || !whole.alternatives.some((a) => a.topic === focus.topic)) return undefined;
    return focus;
  }

  private score(prepared: string, exam: ExamVerdict | undefined): { candidates: Alternative[]; noneScore: number } {
    // The classifier says which intent; how much of the question that intent's own examples
    // cover says whether to trust it: off-topic questions that borrow a word or two of the
    // domain ("transfer credits to another college") are covered by no single intent. The
    // geometric mean keeps the result on a 0..1 scale where 0.5 reads as "fairly sure".
    const found = labelScoresOf(this.ranker, prepared);
    if (!found) return { candidates: [], noneScore: 0 };
    const coverage = this.vocabulary.coverageFor(prepared, found.labels);
    // Enough to fill the alternatives after the exam swap below, which may pull one topic up.
    const top = topCandidates(found, (at, score) => Math.sqrt(score * coverage[at]), MAX_ALTERNATIVES + 2, ELIGIBILITY);
    // With an exam code, `examOffTopic` alone decides out of scope (checked before): the code
    // is this bot's business, so the out-of-scope examples do not get to outvote it.
    const noneScore = exam ? 0 : top.none;
    const listed = top.named && !top.best.some((c) => c.label === ELIGIBILITY) ? [...top.best, top.named] : top.best;
    const candidates: Alternative[] = listed.map((s) => ({ topic: s.label as Intent, confidence: round(s.score) }));
    // A credit question about an exam that does not qualify needs the eligibility answer first,
    // whatever step the user had in mind ("I have PL-300, how do I request credit?").
    const best = candidates[0];
    if (exam && !exam.eligible && best && isTopicId(best.topic) && this.kb.topic(best.topic).area === 'credit') {
      const i = candidates.findIndex((c) => c.topic === ELIGIBILITY);
      if (i > 0) {
        const eligible = candidates[i];
        candidates[i] = { topic: best.topic, confidence: eligible.confidence };
        candidates[0] = { topic: eligible.topic, confidence: best.confidence };
        candidates.sort((a, b) => b.confidence - a.confidence);
      }
    }
    return { candidates: candidates.slice(0, MAX_ALTERNATIVES + 1), noneScore };
  }
}

type Decision = Omit<Recognition, 'text' | 'language' | 'exam' | 'exams'>;

/** The eligibility answer, with its own score when it was a candidate, the others as runners-up. */
function verdict(decision: Decision, candidates: readonly Alternative[]): Decision {
  const own = candidates.find((c) => c.topic === ELIGIBILITY);
  const alternatives = candidates.filter((c) => c.topic !== ELIGIBILITY).slice(0, MAX_ALTERNATIVES);
  return { topic: ELIGIBILITY, confidence: own?.confidence ?? decision.confidence, alternatives, suggestions: [] };
}

/** An answer's runner-up topic, offered as "See also" when near it and worth a "Did you mean" by itself. */
function neighbourOf(best: Alternative, second: Alternative | undefined, options: Thresholds): Recognition['seeAlso'] {
  if (!second || !isTopicId(second.topic)) return undefined;
  const worthAsking = second.confidence >= options.suggestThreshold - options.suggestMargin;
  return worthAsking && best.confidence - second.confidence < options.seeAlsoGap
    ? { topic: second.topic, confidence: second.confidence }
    : undefined;
}

/** Answer, suggest or fall back, from the ranked candidates and the out-of-scope score. */
function decide(candidates: Alternative[], noneScore: number, options: Thresholds): Decision {
  const { answerThreshold, suggestThreshold, suggestMargin } = options;
  const [best, second] = candidates;
  if (!best) return { topic: null, confidence: 0, alternatives: [], suggestions: [] };
  const outOfScope = noneScore > best.confidence;
  const close = second !== undefined && best.confidence - second.confidence < suggestMargin;
  if (!outOfScope && !close && best.confidence >= answerThreshold) {
    const seeAlso = neighbourOf(best, second, options);
    return {
      topic: best.topic,
      confidence: best.confidence,
      alternatives: candidates.slice(1, 1 + MAX_ALTERNATIVES),
      suggestions: [],
      ...(seeAlso ? { seeAlso } : {}),
    };
  }
  const alternatives = candidates.slice(0, MAX_ALTERNATIVES);
  // Confidently out of scope: no "Did you mean", the honest fallback.
  const worthAsking = best.confidence >= suggestThreshold && !(outOfScope && noneScore >= answerThreshold);
  // Only topics: the card's own "None of these" already offers support, and the menu is one tap away.
  const suggestions = worthAsking ? alternatives.filter((a) => isTopicId(a.topic) && a.confidence >= suggestThreshold - suggestMargin) : [];
  return { topic: null, confidence: best.confidence, alternatives, suggestions };
}
