/**
 * Short commands typed in the chat or picked from the Teams command menu. They are matched
 * exactly, before any recognition, so "help" never turns into a topic guess.
 */
export type TextCommand = 'help' | 'cancel' | 'credit' | 'link' | 'support' | 'my tickets' | 'human' | 'forget';

const COMMANDS: Record<string, TextCommand> = {
  help: 'help',
  menu: 'help',
  aide: 'help',
  hello: 'help',
  hi: 'help',
  hey: 'help',
  bonjour: 'help',
  salut: 'help',
  bonsoir: 'help',
  cancel: 'cancel',
  stop: 'cancel',
  quit: 'cancel',
  annuler: 'cancel',
  annule: 'cancel',
  arreter: 'cancel',
  credit: 'credit',
  credits: 'credit',
  link: 'link',
  lier: 'link',
  support: 'support',
  'my tickets': 'my tickets',
  'mes tickets': 'my tickets',
  'forget me': 'forget',
  'delete my data': 'forget',
  'oublie-moi': 'forget',
  'oublie moi': 'forget',
  'oubliez-moi': 'forget',
  'supprimer mes donnees': 'forget',
  'open a ticket': 'human',
  'ouvrir un ticket': 'human',
  'contact support': 'human',
  'contacter le support': 'human',
};

/** Every command word the bot handles, for the Teams manifest check. */
export const HANDLED_COMMANDS: readonly string[] = Object.keys(COMMANDS);

export function commandOf(text: string): TextCommand | undefined {
  const key = text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[.!?\s]+$/u, '')
    .replace(/^\/+/, '')
    .replace(/\s+/g, ' ')
    .trim();
  return COMMANDS[key];
}

// What each command amounts to as an intent, for the recognizer trace: the menus are `help`,
// the ways to a person (support, tickets, data requests) are `human`.
const SHORTCUT_INTENT: Record<TextCommand, 'help' | 'human'> = {
  help: 'help',
  cancel: 'help',
  credit: 'help',
  link: 'help',
  support: 'human',
  'my tickets': 'human',
  human: 'human',
  forget: 'human',
};

/** `help` or `human` when the text is a command the bot answers before any recognition. */
export function shortcutOf(text: string): 'help' | 'human' | undefined {
  const command = commandOf(text);
  return command ? SHORTCUT_INTENT[command] : undefined;
}
