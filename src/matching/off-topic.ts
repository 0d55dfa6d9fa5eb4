import { contentTerms } from './text-normalizer';

// "How much" and "combien" ask for a price, unless the question is about credit itself
// ("how much credit is AZ-400 worth").
const QUANTITY = new Set(contentTerms('how much many combien'));
const CREDIT = new Set(contentTerms('credit credits crédit crédits nccrs excelsior'));
// Words that make a question naming an exam a question about credit for it.
const CREDIT_QUESTION = new Set(
  contentTerms('credit nccrs excelsior college university universitaire degree diplome eligible qualify count semester semestre'),
);

/** "Does AZ-900 give me any credit?": the question is about credit (used with an exam code). */
export function asksAboutCredit(prepared: string): boolean {
  return contentTerms(prepared).some((t) => CREDIT_QUESTION.has(t));
}

/**
 * Words that make a question one the bot does not answer, from content/intents.json:
 * `examOffTopic` next to an exam code (its price, booking, retirement, study) and `offTopic`
 * anywhere (money: no topic is about fees or refunds). Phrases match as consecutive terms.
 */
export class OffTopic {
  private readonly phrases: string[][];

  constructor(
    words: readonly string[],
    private readonly quantityAboutCreditIsFine: boolean,
  ) {
    this.phrases = words.map((w) => contentTerms(w)).filter((p) => p.length > 0);
  }

  matches(prepared: string): boolean {
    const terms = contentTerms(prepared);
    const aboutCredit = this.quantityAboutCreditIsFine && terms.some((t) => CREDIT.has(t));
    return this.phrases.some((phrase) => {
      if (aboutCredit && phrase.every((t) => QUANTITY.has(t))) return false;
      return terms.some((_, i) => phrase.every((t, j) => terms[i + j] === t));
    });
  }
}
