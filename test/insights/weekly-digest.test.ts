import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadContent } from '../../src/app';
import { strings } from '../../src/i18n/strings';
import { buildInsights } from '../../src/insights/build-insights';
import { WeeklyDigest, type DigestRun, type DigestSchedule } from '../../src/insights/weekly-digest';
import { silentLogger } from '../../src/logging/logger';
import { storageClaim } from '../../src/storage/claims';
import { LmdbStorage } from '../../src/storage/lmdb-storage';
import { DigestCards } from '../../src/views/digest-card';
import { renderDigestCards } from '../../src/views/digest-samples';
import { cardProblems } from '../helpers/adaptive-card-parser';
import { textOf } from '../helpers/cards';
import { testConfig } from '../helpers/test-bot';
import { NOW, seededSource } from './seeded-insights';

const { kb, renderer } = loadContent(testConfig());
const cards = new DigestCards(renderer, kb);

describe('the weekly digest card', () => {
  const samples = renderDigestCards(cards);

  it.each(samples.map((s) => [s.name, s.lang, s.card] as const))(
    'when %s is rendered in %s, then the Adaptive Cards parser accepts it',
    (_name, lang, card) => {
      expect(JSON.stringify(card)).not.toContain('${');
      expect(card.lang).toBe(lang);
      expect(cardProblems(card)).toEqual([]);
    },
  );

  it.each(['en', 'fr'] as const)(
    'when the seeded week is posted in %s, then it shows its figures against the week before, the groups, the least helpful topics and the breaches',
    async (lang) => {
      const week = await buildInsights(seededSource(), { days: 7, now: NOW });
      const before = await buildInsights(seededSource(), { days: 7, now: new Date(NOW.getTime() - 7 * 86_400_000) });
      const card = cards.digest(week, before, lang);
      const s = strings(lang).insights;
      const text = textOf(card);
      expect(cardProblems(card)).toEqual([]);
      expect(text).toContain(s.digestTitle);
      // 7 questions this week; the week before holds only one answered question (user E): 1 question, 1 session, resolved.
      expect(text).toContain(`7 ${s.digestBefore('1')}`);
      // Resolved: 2 of 5 sessions this week, 1 of 1 the week before.
      const percent = new Intl.NumberFormat(lang === 'fr' ? 'fr-FR' : 'en-US', { style: 'percent', maximumFractionDigits: 1 });
      expect(text).toContain(`${percent.format(0.4)} ${s.digestBefore(percent.format(1))}`);
      expect(text).toContain(s.digestAsked(3));
      expect(text).toContain('where can I get a voucher for my exam');
      // Unlink: 1 "not helpful" of 1 vote, first; change-company 1 of 2.
      expect(text).toContain(`${kb.text('unlink', lang).title} · ${s.digestVotes(1, 1)}`);
      expect(text.indexOf(kb.text('unlink', lang).title)).toBeLessThan(text.indexOf(kb.text('change-company', lang).title));
      expect(text).toContain(s.digestBreachLine(strings(lang).support.queueTitles['microsoft-support'], 2, 3));
    },
  );

  it('when a user question holds markdown, then the card shows it as plain text', () => {
    const [digest] = renderDigestCards(cards);
    expect(textOf(digest.card)).not.toContain('[link](https://example.com)');
  });
});

describe('the weekly schedule', () => {
  const monday9 = new Date('2026-11-23T09:00:00.000Z');
  const store = () => new LmdbStorage(join(mkdtempSync(join(tmpdir(), 'digest-')), 'bot.mdb'));

  function digest(schedule: DigestSchedule, now: Date, claim: (key: string) => Promise<boolean>, posted: Record<string, unknown>[]) {
    return new WeeklyDigest({
      source: seededSource(),
      schedule,
      claim,
      targets: async () => [{ lang: 'fr', post: async (card) => void posted.push(card) }],
      card: (week, before, lang) => cards.digest(week, before, lang),
      log: silentLogger,
      now: () => now,
    });
  }

  it('when the digest is off (the default), then nothing is sent', async () => {
    expect(testConfig().INSIGHTS_DIGEST_DAY).toBe('off');
    const posted: Record<string, unknown>[] = [];
    expect(await digest({ day: 'off', hour: 8 }, monday9, storageClaim(store()), posted).runIfDue()).toBe('off');
    expect(posted).toEqual([]);
  });

  it('when it is not yet the day and hour, then nothing is sent', async () => {
    const posted: Record<string, unknown>[] = [];
    const claim = storageClaim(store());
    expect(await digest({ day: 'monday', hour: 10 }, monday9, claim, posted).runIfDue()).toBe('not-due');
    expect(await digest({ day: 'tuesday', hour: 8 }, monday9, claim, posted).runIfDue()).toBe('not-due');
    expect(posted).toEqual([]);
  });

  it('when two instances check at the same time, then the week is sent once, in the channel language', async () => {
    const shared = store();
    const posted: Record<string, unknown>[] = [];
    const runs: DigestRun[] = await Promise.all([
      digest({ day: 'monday', hour: 8 }, monday9, storageClaim(shared), posted).runIfDue(),
      digest({ day: 'monday', hour: 8 }, monday9, storageClaim(shared), posted).runIfDue(),
    ]);
    expect(runs).toContainEqual({ sent: 1, failed: 0 });
    expect(runs).toContain('already-sent');
    expect(posted).toHaveLength(1);
    expect(posted[0].lang).toBe('fr');
    // Later the same day (another check): still once.
    expect(await digest({ day: 'monday', hour: 8 }, new Date('2026-11-23T15:00:00.000Z'), storageClaim(shared), posted).runIfDue()).toBe(
      'already-sent',
    );
    expect(posted).toHaveLength(1);
  });
});
