import { mkdtempSync, readFileSync, writeFileSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as AC from 'adaptivecards';
import { loadKnowledge } from '../../src/app';
import { CardTemplateError } from '../../src/views/card-renderer';
import { renderAllCards, renderSupportCards } from '../../src/views/card-samples';
import { cardProblems } from '../helpers/adaptive-card-parser';
import { testConfig } from '../helpers/test-bot';

const { kb, cards, supportCards } = loadKnowledge(testConfig());
const rendered = [...renderAllCards(kb, cards), ...renderSupportCards(supportCards)];

describe('every card the bot sends', () => {
  it('covers every template in both languages', () => {
    expect(rendered.length).toBeGreaterThan(2 * (kb.topics.length + 10));
    expect(new Set(rendered.map((r) => r.lang))).toEqual(new Set(['en', 'fr']));
  });

  it.each(rendered.map((r) => [r.name, r.lang, r.card] as const))(
    'when %s is rendered in %s, then it is a valid Adaptive Card ≤ 1.5 with its lang and no unexpanded binding',
    (_name, lang, card) => {
      const json = JSON.stringify(card);
      expect(json).not.toContain('${');
      expect(card.lang).toBe(lang);
      expect(Number(card.version)).toBeLessThanOrEqual(1.5);
      expect(cardProblems(JSON.parse(json))).toEqual([]);
    },
  );

  it('when a card asks Teams for per-user views (refresh), then its version allows it and the parser reads action and user ids', () => {
    const refreshing = rendered.filter((r) => r.card.refresh !== undefined);
    const names = ['support:ticket', 'support:ticket-status-only', 'support:confirmation'];
    expect(refreshing.map((r) => r.name)).toEqual(expect.arrayContaining(names));
    for (const { card } of refreshing) {
      expect(Number(card.version)).toBeGreaterThanOrEqual(1.4);
      const adaptive = new AC.AdaptiveCard();
      adaptive.parse(JSON.parse(JSON.stringify(card)) as never, new AC.SerializationContext());
      expect(adaptive.refresh?.action?.verb).toBe('ticket.refresh');
      expect(adaptive.refresh?.userIds?.length).toBeGreaterThan(0);
      expect(adaptive.refresh!.userIds!.length).toBeLessThanOrEqual(60);
    }
  });

  it('when the answer links to the web, then every link is https or mailto', () => {
    const urls = rendered.flatMap((r) => JSON.stringify(r.card).match(/"url":"[^"]+"/g) ?? []);
    expect(urls.length).toBeGreaterThan(20);
    for (const url of urls) expect(url).toMatch(/"url":"(https:\/\/|mailto:)/);
  });
});

describe('user text in cards', () => {
  it('when data holds ${...} or card-like JSON, then it is shown literally, never evaluated', () => {
    const { cards: builder, renderer } = loadKnowledge(testConfig());
    const card = builder.emailDraft('AZ-103', 'badge', 'en');
    const tricky = '${lang} {"type":"AdaptiveCard"} ${count(steps)}';
    const out = renderer.render('choice', {
      lang: 'en',
      notice: tricky,
      title: 't',
      prompt: 'p',
      picker: { inputId: 'x', placeholder: '', options: [], submit: { title: 's', verb: 'menu', data: { verb: 'menu', lang: 'en' } } },
      choices: [],
      footer: [],
    });
    expect(JSON.stringify(out)).toContain(JSON.stringify(tricky).slice(1, -1));
    expect(card.lang).toBe('en');
  });
});

describe('template checks at startup', () => {
  it('when a template refers to a field the data does not have, then loading fails naming the file and the field', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cards-'));
    cpSync('cards', dir, { recursive: true });
    const file = join(dir, 'answer.json');
    writeFileSync(file, readFileSync(file, 'utf8').replace('"${summary}"', '"${sumary}"'));
    expect(() => loadKnowledge(testConfig({ CARDS_DIR: dir }))).toThrow(CardTemplateError);
    expect(() => loadKnowledge(testConfig({ CARDS_DIR: dir }))).toThrow(`${file}: \${sumary}`);
  });

  it('when a template declares a version above 1.5, then loading fails naming the file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cards-'));
    cpSync('cards', dir, { recursive: true });
    const file = join(dir, 'welcome.json');
    writeFileSync(file, readFileSync(file, 'utf8').replace('"version": "1.5"', '"version": "1.6"'));
    expect(() => loadKnowledge(testConfig({ CARDS_DIR: dir }))).toThrow(`${file}: version`);
  });
});
