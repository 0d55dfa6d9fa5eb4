/**
 * Short commands typed in the chat or picked from the Teams command menu. They are matched
 * exactly, before any recognition, so "help" never turns into a topic guess.
 */
export type TextCommand = 'help' | 'cancel' | 'credit' | 'link' | 'support' | 'my tickets' | 'human' | 'forget' | 'whoami';

const COMMANDS = {
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
  // For support admins setting the bot up: the ids to put in SUPPORT_AGENTS / SUPPORT_ADMINS.
  whoami: 'whoami',
  'who am i': 'whoami',
} as const satisfies Record<string, TextCommand>;

/** Every command word the bot matches (`commandOf`); what the app package's command menus may offer. */
export const HANDLED_COMMANDS = Object.keys(COMMANDS) as readonly (keyof typeof COMMANDS)[];

// The longest command with room for spaces and punctuation around it; anything longer is a question.
const MAX_COMMAND_LENGTH = 40;

export function commandOf(text: string): TextCommand | undefined {
  if (text.length > MAX_COMMAND_LENGTH) return undefined;
  const key = withoutTrailing(
    text
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase(),
  )
    .replace(/^\/+/, '')
    .replace(/\s+/g, ' ')
    .trim();
  return (COMMANDS as Record<string, TextCommand>)[key];
}

/** Without the final punctuation and spaces ("help!!", "aide ?"); a loop, as `/[.!?\s]+$/` tries every run. */
function withoutTrailing(text: string): string {
  let end = text.length;
  while (end > 0 && /[.!?\s]/.test(text[end - 1])) end -= 1;
  return text.slice(0, end);
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
  whoami: 'help',
};

/** `help` or `human` when the text is a command the bot answers before any recognition. */
export function shortcutOf(text: string): 'help' | 'human' | undefined {
  const command = commandOf(text);
  return command ? SHORTCUT_INTENT[command] : undefined;
}
