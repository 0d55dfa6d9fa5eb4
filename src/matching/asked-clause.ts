import { canonical, contentTerms, tokenize } from './text-normalizer';

// Where a long message turns from its context to what it asks: punctuation, and the words
// people use to get to the point ("but", "now", "so", "mais", "alors"…). Single characters
// and plain alternations only, so the split stays linear on any input.
const PIVOT = /\s(?:but|now|so|anyway|however|mais|alors|donc|bref|cependant|maintenant)\s/gi;
const CLAUSE = /[^.;:!?,()\n]+[.;:!?,()\n]*/g;
const QUESTION_WORDS = new Set([
  'qhow',
  'qwhy',
  'qwhat',
  'qwho',
  'qwhen',
  'qwhere',
  'which',
  'quel',
  'quelle',
  'quels',
  'quelles',
  'combien',
]);
const MIN_TERMS = 3;
const MAX_CLAUSES = 12;

const asks = (clause: string) => clause.includes('?') || tokenize(clause).some((t) => QUESTION_WORDS.has(canonical(t)));

/**
 * The part of a long message that says what is asked: "my admin keeps asking about the skills
 * report, but how do I unlink my MCID?" asks about unlinking, whatever the first clause names.
 * The last clause holding a question word (or the last clause), with the clauses just before
 * it added until it has a few content words. Undefined when the message is one clause.
 */
export function askedClause(text: string): string | undefined {
  const clauses = (text.replace(PIVOT, ' , ').match(CLAUSE) ?? [])
    .map((c) => c.trim())
    .filter((c) => contentTerms(c).length > 0 || c.includes('?'))
    .slice(-MAX_CLAUSES);
  if (clauses.length < 2) return undefined;
  let at = clauses.length - 1;
  for (let i = clauses.length - 1; i >= 0; i -= 1) {
    if (asks(clauses[i]) && contentTerms(clauses[i]).length > 0) {
      at = i;
      break;
    }
  }
  let from = at;
  while (from > 0 && contentTerms(clauses.slice(from, at + 1).join(' ')).length < MIN_TERMS) from -= 1;
  const focus = clauses.slice(from, at + 1).join(' ');
  return from === 0 && at === clauses.length - 1 ? undefined : focus;
}
