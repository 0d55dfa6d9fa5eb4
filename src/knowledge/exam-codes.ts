import type { EligibleExam } from './content-schema';

// Prefixes of Microsoft role-based and fundamentals exams. A code is two letters and three
// digits, written any way people type it: az104, AZ 104, az-104, Az_104.
const EXAM_CODE = /\b(az|ai|dp|ms|md|sc|pl|mb|gh|mo|ab)[\s\-_.]?(\d{3})\b/gi;

export interface ExamVerdict {
  readonly code: string;
  readonly eligible: boolean;
  /** The exam's official name, known for the eligible ones. */
  readonly name?: string;
}

/** Every exam code named in the text, normalised to "AZ-104" and without repeats. */
export function findExamCodes(text: string): string[] {
  const codes = new Set<string>();
  for (const match of text.matchAll(EXAM_CODE)) codes.add(`${match[1].toUpperCase()}-${match[2]}`);
  return [...codes];
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

  /** The verdict for the first exam code in the text, if it names one. */
  verdictFor(text: string): ExamVerdict | undefined {
    const [first] = findExamCodes(text);
    return first ? this.verdict(first) : undefined;
  }
}
