import * as AC from 'adaptivecards';
import { loadKnowledge } from '../../src/app';
import { forDialog } from '../../src/views/dialog-card';
import { testConfig } from '../helpers/test-bot';

const { supportCards } = loadKnowledge(testConfig());
const VERBS = ['support.queue', 'support.submit', 'support.cancel'];

function problems(card: unknown): string[] {
  // adaptivecards 3.0.6 keeps a /g regex's lastIndex between cards (see card-renderer.test.ts).
  (Reflect.get(AC.CardElement, 'langProperty') as { regEx: RegExp }).regEx.lastIndex = 0;
  const adaptive = new AC.AdaptiveCard();
  const context = new AC.SerializationContext();
  adaptive.parse(card as never, context);
  const found: string[] = [];
  for (let i = 0; i < context.eventCount; i++) found.push(context.getEventAt(i).message);
  for (const event of adaptive.validateProperties().validationEvents) found.push(event.message);
  return found;
}

const actionsOf = (card: unknown): Record<string, unknown>[] => {
  const found: Record<string, unknown>[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    const obj = node as Record<string, unknown>;
    if (typeof obj.type === 'string' && obj.type.startsWith('Action.')) found.push(obj);
    Object.values(obj).forEach(walk);
  };
  walk(card);
  return found;
};

describe.each(['en', 'fr'] as const)('a card shown in a Teams dialog (%s)', (lang) => {
  it('when the intake form is shown in a dialog, then its buttons are Action.Submit carrying their verb and data, and the card stays valid', () => {
    const chat = supportCards.intakeForm(lang, { queue: 'microsoft-support', topic: 'unlink' }, { description: 'It fails' }, [
      'description',
    ]);
    const dialog = forDialog(chat, { verbs: VERBS });
    expect(problems(dialog)).toEqual([]);
    const actions = actionsOf(dialog);
    expect(actions.map((a) => a.type)).toEqual(['Action.Submit', 'Action.Submit']);
    expect(actions[0].data).toEqual({ verb: 'support.submit', lang, queue: 'microsoft-support', faqId: 'unlink' });
    expect(actions[0].associatedInputs).toBe('auto');
    // The chat's card is left as it was.
    expect(actionsOf(chat).every((a) => a.type === 'Action.Execute')).toBe(true);
  });

  it('when the queue question is shown in a dialog, then only the queue choices stay, each carrying what the dialog knew', () => {
    const chat = supportCards.queueQuestion(lang, { retry: false, creditApplication: true });
    const dialog = forDialog(chat, { verbs: VERBS, carry: { description: 'my message' } });
    expect(problems(dialog)).toEqual([]);
    const actions = actionsOf(dialog);
    expect(actions.length).toBe(2);
    for (const action of actions) {
      expect(action.type).toBe('Action.Submit');
      expect(action.data).toMatchObject({ verb: 'support.queue', description: 'my message' });
    }
    // The menu, language and credit-draft buttons need the chat: none is left in the dialog.
    expect(JSON.stringify(dialog)).not.toMatch(/"verb":"(menu|language|credit\.start|support)"/);
  });

  it('when carried data names a field of the button, then the button keeps its own', () => {
    const chat = supportCards.queueQuestion(lang, { retry: false, creditApplication: false });
    const dialog = forDialog(chat, { verbs: VERBS, carry: { queue: 'forged', verb: 'menu' } });
    for (const action of actionsOf(dialog))
      expect(action.data).toMatchObject({ verb: 'support.queue', queue: expect.not.stringMatching('forged') });
  });
});
