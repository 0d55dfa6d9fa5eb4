import { loadKnowledgeBase } from '../../src/knowledge/content-loader';
import { phraseKey, SmallTalk } from '../../src/matching/small-talk';

const talk = new SmallTalk(loadKnowledgeBase('content').intents);

describe('small talk phrases', () => {
  it.each([
    ['Thanks!!', 'thanks'],
    ['MERCI BEAUCOUP 🙏', 'thanks'],
    ['ça marche', 'acknowledge'],
    ['ca marche.', 'acknowledge'],
    ['Au revoir !', 'goodbye'],
    ['see you later', 'goodbye'],
  ])('when the whole message is "%s", then it is %s', (text, kind) => {
    expect(talk.kindOf(text)?.kind).toBe(kind);
  });

  it.each(['thanks, but how do I unlink?', 'ok so how do I link my mcid', 'merci de me dire si AZ-104 est éligible', 'great '.repeat(30)])(
    'when "%s" carries more than politeness, then it is not small talk',
    (text) => {
      expect(talk.kindOf(text)).toBeUndefined();
    },
  );

  it.each([
    ['yes please', 'yes'],
    ['Oui, s’il vous plaît', 'yes'],
    ['non merci', 'no'],
    ['No thanks.', 'no'],
    ['ok', 'yes'],
  ])('when "%s" answers a yes/no question, then it reads %s', (text, answer) => {
    expect(talk.confirmationOf(text)).toBe(answer);
  });

  it('when a message is long and hostile, then its key is bounded and computed in one pass', () => {
    expect(phraseKey('!'.repeat(100_000) + 'ok').length).toBeLessThanOrEqual(80);
    expect(talk.confirmationOf(`yes${' '.repeat(100_000)}`)).toBeUndefined();
  });
});
