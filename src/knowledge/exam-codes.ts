import type { EligibleExam } from './content-schema';

// Prefixes of Microsoft role-based, fundamentals and specialty exams. A code is two letters and
// three digits, written any way people type it: az104, AZ 104, az-104, Az_104, AZ‑104 (a
// non-breaking hyphen pasted from a web page), "l'AZ-104". Older numeric exams (70-533) count too.
const PREFIXES = 'ab|ai|az|dp|gh|md|mb|mo|ms|pl|sc';
// At most three characters between prefix and digits ("AZ - 104"): two unbounded `\s*` around
// the dash made "az" followed by 20,000 spaces cost a second.
const SEPARATOR = '[\\s\\-_.\\u2010-\\u2015\\u2212]{0,3}';
/** Exported for the ReDoS check (test/security/regex-safety.test.ts). */
export const EXAM_CODE = new RegExp(
  `(?<![\\p{L}\\d])(${PREFIXES})${SEPARATOR}(\\d{3})(?![\\p{L}\\d])|(?<![\\p{L}\\d-])(70|77|98)-(\\d{3})(?![\\p{L}\\d])`,
  'giu',
);
// "MS 365" and "AZ 365" name products, not exams.
const NOT_EXAMS = new Set(['365']);

/** What stands in for an exam code in the text the ranker sees: the code is an entity, not words. */
export const EXAM_TOKEN = 'examcode';

export interface ExamVerdict {
  readonly code: string;
  readonly eligible: boolean;
  /** The exam's official name, known for the eligible ones. */
  readonly name?: string;
}

/** `match` is a match of EXAM_CODE or the arguments replace() hands over (the same groups, in order). */
function codeOf(match: readonly string[]): string | undefined {
  const [prefix, digits] = match[1] ? [match[1], match[2]] : [match[3], match[4]];
  return NOT_EXAMS.has(digits) ? undefined : `${prefix.toUpperCase()}-${digits}`;
}

/** Every exam code named in the text, normalised to "AZ-104" and without repeats. */
export function findExamCodes(text: string): string[] {
  const codes = new Set<string>();
  for (const match of text.matchAll(EXAM_CODE)) {
    const code = codeOf(match);
    if (code) codes.add(code);
  }
  return [...codes];
}

/** The text with each exam code replaced by one entity token, so "az 104" is not read as two words. */
export function maskExamCodes(text: string): string {
  return text.replace(EXAM_CODE, (...args) => {
    return codeOf(args.slice(0, 5)) ? ` ${EXAM_TOKEN} ` : String(args[0]);
  });
}

export class ExamCatalog {
  private readonly byCode: ReadonlyMap<string, EligibleExam>;

  constructor(readonly eligible: readonly EligibleExam[]) {
    this.byCode = new Map(eligible.map((e) => [e.code, e]));
  }

  verdict(code: string): ExamVerdict {
    const exam = this.byCode.get(code);
    return exam ? { code, eligible: true, name: exam.name } : { code, eligible: false };
  }

  /** A verdict for each exam code in the text, in order (at most `max`). */
  verdictsFor(text: string, max = 5): ExamVerdict[] {
    return findExamCodes(text)
      .slice(0, max)
      .map((code) => this.verdict(code));
  }
}
