import { commandOf, HANDLED_COMMANDS, shortcutOf } from '../../src/dialogs/text-commands';

describe('text commands', () => {
  it.each([
    ['menu', 'help'],
    ['Hello!', 'help'],
    ['bonjour', 'help'],
    ['/aide', 'help'],
    ['annuler', 'help'],
    ['open a ticket', 'human'],
    ['Ouvrir un ticket', 'human'],
    ['contacter le support', 'human'],
    ['my tickets', 'human'],
  ])('when "%s" is typed, then it is a shortcut for %s', (text, intent) => {
    expect(shortcutOf(text)).toBe(intent);
  });

  it('when a question is typed, then it is neither a command nor a shortcut', () => {
    expect(commandOf('how do I open a ticket with Microsoft?')).toBeUndefined();
    expect(shortcutOf('how do I open a ticket with Microsoft?')).toBeUndefined();
  });

  it('when every command is looked up, then each has a shortcut intent', () => {
    for (const command of HANDLED_COMMANDS) expect(['help', 'human']).toContain(shortcutOf(command));
  });
});
