import type { CardJson } from './card-renderer';

export interface DialogCardOptions {
  /** The verbs the dialog answers; any other button is left off the card. */
  readonly verbs: readonly string[];
  /** Data every button sends back with its own, so a step of the dialog can carry what the last one knew. */
  readonly carry?: Readonly<Record<string, string>>;
}

type Json = Record<string, unknown>;

/**
 * The same card, for a Teams dialog (task module): there, buttons must be Action.Submit (Teams
 * sends their data with the inputs as the dialog's submit), and only the buttons the dialog
 * answers are kept. The chat's cards use Action.Execute; their templates stay as they are.
 */
export function forDialog(card: CardJson, options: DialogCardOptions): CardJson {
  return convert(card, options, 0) as CardJson;
}

// Templates nest a handful of levels; the bound only guards against a card that loops on itself.
const MAX_DEPTH = 32;

function convert(node: unknown, options: DialogCardOptions, depth: number): unknown {
  if (depth > MAX_DEPTH) return undefined;
  if (Array.isArray(node)) {
    return node.filter((item) => !isExecute(item) || kept(item, options)).map((item) => convert(item, options, depth + 1));
  }
  if (!node || typeof node !== 'object') return node;
  if (isExecute(node)) return submitOf(node, options);
  const out: Json = {};
  for (const [key, value] of Object.entries(node)) {
    // A clickable row whose verb the dialog does not answer stays, without its click.
    if (key === 'selectAction' && isExecute(value) && !kept(value, options)) continue;
    out[key] = convert(value, options, depth + 1);
  }
  return out;
}

function isExecute(node: unknown): node is Json {
  return !!node && typeof node === 'object' && (node as Json).type === 'Action.Execute';
}

function kept(action: Json, options: DialogCardOptions): boolean {
  return options.verbs.includes(String(action.verb));
}

function submitOf(action: Json, options: DialogCardOptions): Json {
  const { verb, data, ...rest } = action;
  const own = data && typeof data === 'object' ? (data as Json) : {};
  return { ...rest, type: 'Action.Submit', data: { ...options.carry, ...own, verb } };
}
