import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as ACData from 'adaptivecards-templating';
import { TEMPLATE_NAMES, type CardDataByTemplate, type TemplateName } from './card-data';

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
  return [...new Set(JSON.stringify(card).match(/\$\{[^}]*\}/g) ?? [])];
}

/**
 * Expands the JSON templates in cards/ with adaptivecards-templating. Templates are parsed once;
 * user text only ever enters as data, which the templating library leaves literal.
 */
export class CardRenderer {
  private readonly templates = new Map<TemplateName, ACData.Template>();
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
    try {
      renderAll();
    } finally {
      const problems = [...new Set(this.problems)];
      this.problems = undefined;
      if (problems.length > 0) throw new CardTemplateError(problems);
    }
  }
}
