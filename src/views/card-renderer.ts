import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as ACData from 'adaptivecards-templating';
import { TEMPLATE_NAMES, type CardDataByTemplate, type TemplateName } from './card-templates';

/** An Adaptive Card as JSON, ready to attach. */
export type CardJson = Record<string, unknown>;

export class CardTemplateError extends Error {
  constructor(readonly problems: string[]) {
    super(`Card templates are invalid:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'CardTemplateError';
  }
}

/** `${name}` left in the output: the template refers to a field the data does not have. */
export function unresolvedBindings(card: unknown): string[] {
  return [...new Set(JSON.stringify(card).match(/\$\{[^{}]*\}/g) ?? [])];
}

/**
 * Cards built only from the content, the strings and exam codes: the same data always gives the
 * same card and none carries personal data, so each is expanded once and then reused (the
 * expansion is most of what rendering a card costs). Ticket and form cards hold what users
 * typed: they are expanded every time and never kept.
 */
const REUSABLE: ReadonlySet<TemplateName> = new Set(['welcome', 'topic-list', 'answer', 'exam-verdict', 'choice', 'email-draft']);
// Content × languages × feedback states, plus a few exam codes, fit with room to spare.
const MAX_REUSED = 500;

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/**
 * Expands the JSON templates in cards/ with adaptivecards-templating. Templates are parsed once;
 * user text only ever enters as data, which the templating library leaves literal. Reused cards
 * are frozen, since every turn that sends one shares it.
 */
export class CardRenderer {
  private readonly templates = new Map<TemplateName, ACData.Template>();
  private readonly reused = new Map<string, CardJson>();
  private problems: string[] | undefined;

  constructor(readonly cardsDir: string) {
    const problems: string[] = [];
    for (const name of TEMPLATE_NAMES) {
      const file = join(cardsDir, `${name}.json`);
      try {
        const json = JSON.parse(readFileSync(file, 'utf8')) as { version?: string };
        if (!json.version || Number(json.version) > 1.5) problems.push(`${file}: version: must be 1.5 or lower (what Teams renders)`);
        this.templates.set(name, new ACData.Template(json));
      } catch (error) {
        problems.push(`${file}: ${(error as Error).message}`);
      }
    }
    if (problems.length > 0) throw new CardTemplateError(problems);
  }

  render<K extends TemplateName>(name: K, data: CardDataByTemplate[K]): CardJson {
    if (this.problems || !REUSABLE.has(name)) return this.expand(name, data);
    const key = `${name} ${JSON.stringify(data)}`;
    const known = this.reused.get(key);
    if (known) {
      // Most recently used last, so the oldest goes first when the map is full.
      this.reused.delete(key);
      this.reused.set(key, known);
      return known;
    }
    // A JSON copy, so freezing it never freezes the knowledge base objects the data points to.
    const card = deepFreeze(JSON.parse(JSON.stringify(this.expand(name, data))) as CardJson);
    if (this.reused.size >= MAX_REUSED) this.reused.delete(this.reused.keys().next().value as string);
    this.reused.set(key, card);
    return card;
  }

  private expand<K extends TemplateName>(name: K, data: CardDataByTemplate[K]): CardJson {
    const template = this.templates.get(name);
    if (!template) throw new Error(`CardRenderer.render(): no template "${name}"`);
    const card = template.expand({ $root: data }) as CardJson;
    if (this.problems) {
      // A leftover binding that the data does not itself contain comes from the template.
      const dataText = JSON.stringify(data);
      for (const binding of unresolvedBindings(card)) {
        if (!dataText.includes(binding)) {
          this.problems.push(`${join(this.cardsDir, `${name}.json`)}: ${binding} refers to a field the card data does not have`);
        }
      }
    }
    return card;
  }

  /**
   * Runs `renderAll` with every rendered card checked, then throws one error listing each
   * template binding that stayed unexpanded. Startup runs it over every card of the content.
   */
  verify(renderAll: () => void): void {
    this.problems = [];
    let failure: { error: unknown } | undefined;
    try {
      renderAll();
    } catch (error) {
      failure = { error };
    }
    const problems = [...new Set(this.problems)];
    this.problems = undefined;
    // The unexpanded bindings explain more than whatever a render threw after them.
    if (problems.length > 0) throw new CardTemplateError(problems);
    if (failure) throw failure.error;
  }
}
