import { rate, type EvalReport, type LangScores } from '../matching/evaluation';

export interface Timing {
  readonly startupMs: number;
  readonly medianMs: number;
  readonly p95Ms: number;
}

const pct = (n: number, of: number) => `${(rate(n, of) * 100).toFixed(1)} %`;

function scoreLine(name: string, s: LangScores): string {
  return (
    `${name.padEnd(4)} top-1 ${pct(s.top1, s.inScope).padStart(7)}  top-3 ${pct(s.top3, s.inScope).padStart(7)}  ` +
    `wrong answer ${pct(s.wrongAnswer, s.inScope).padStart(6)}  only suggested ${String(s.suggestedOnly).padStart(3)}  ` +
    `false answers ${pct(s.falseAnswer, s.outOfScope).padStart(6)} (${s.falseAnswer}/${s.outOfScope})  language ${pct(s.language, s.total).padStart(7)}`
  );
}

/** One line per family: matched right (the expected answer, or a refusal) out of how many, per language. */
function familyLines(report: EvalReport): string[] {
  const families = Object.entries(report.byFamily);
  if (families.length === 0) return [];
  const width = Math.max(...families.map(([name]) => name.length));
  return [
    '',
    'By family (right = expected answer, or no answer when out of scope):',
    ...families
      .sort(([a], [b]) => a.localeCompare(b))
      .map(
        ([name, { en, fr }]) =>
          `  ${name.padEnd(width)}  en ${`${en.right}/${en.total}`.padStart(5)} ${pct(en.right, en.total).padStart(7)}   fr ${`${fr.right}/${fr.total}`.padStart(5)} ${pct(fr.right, fr.total).padStart(7)}`,
      ),
  ];
}

export function textReport(title: string, report: EvalReport, timing?: Timing): string {
  const { exam, all } = report;
  const lines = [
    `${title}: ${all.total} questions (${all.inScope} in scope, ${all.outOfScope} out of scope)`,
    '',
    scoreLine('en', report.byLang.en),
    scoreLine('fr', report.byLang.fr),
    scoreLine('all', all),
    ...familyLines(report),
    '',
    ...(exam.labelled > 0
      ? [
          `exam verdicts ${pct(exam.correct, exam.labelled)} (${exam.correct}/${exam.labelled}), codes found where none is labelled: ${exam.spurious}`,
        ]
      : []),
    ...(timing
      ? [
          `startup ${timing.startupMs.toFixed(0)} ms, per question median ${timing.medianMs.toFixed(3)} ms, p95 ${timing.p95Ms.toFixed(3)} ms`,
        ]
      : []),
    '',
    `Confusions (expected -> got [suggested]): ${report.confusions.length}`,
    ...report.confusions.map(
      (c) =>
        `  ${c.lang} ${String(c.expected ?? 'none')} -> ${String(c.got ?? 'none')}${c.suggested.length ? ` [${c.suggested.join(', ')}]` : ''}: ${c.text}`,
    ),
  ];
  return `${lines.join('\n')}\n`;
}

export function summary(name: string, r: EvalReport, t?: Timing): string {
  const { en, fr, all } = { ...r.byLang, all: r.all };
  return (
    `${name.padEnd(9)} top-1 en ${pct(en.top1, en.inScope).padStart(7)}  fr ${pct(fr.top1, fr.inScope).padStart(7)}  ` +
    `top-3 ${pct(all.top3, all.inScope).padStart(7)}  wrong ${pct(all.wrongAnswer, all.inScope).padStart(6)}  ` +
    `false answers en ${pct(en.falseAnswer, en.outOfScope).padStart(6)} fr ${pct(fr.falseAnswer, fr.outOfScope).padStart(6)}` +
    (t ? `  startup ${t.startupMs.toFixed(0).padStart(4)} ms  median ${t.medianMs.toFixed(3)} ms  p95 ${t.p95Ms.toFixed(3)} ms` : '')
  );
}
