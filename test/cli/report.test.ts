import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { EventFeedbackLog, type FeedbackEntry } from '../../src/feedback/feedback-log';
import type { InsightsReport } from '../../src/insights/insights-types';
import { LmdbStorage } from '../../src/storage/lmdb-storage';
import type { Ticket } from '../../src/support/ticket';
import { EVENTS, NOW, TICKETS } from '../insights/seeded-insights';

const run = promisify(execFile);
const ROOT = join(__dirname, '..', '..');
const shift = (iso: string, ms: number) => new Date(Date.parse(iso) + ms).toISOString();

/** `npm run report` as a child process on a store seeded with the week of test/insights (moved to end now). */
async function report(dataDir: string, args: string[]): Promise<string> {
  const cli = ['-r', join(ROOT, 'test', 'fixtures', 'require-ts.js'), join(ROOT, 'src', 'cli', 'report.ts'), ...args];
  const { stdout } = await run(process.execPath, cli, {
    cwd: ROOT,
    env: { ...process.env, DATA_DIR: dataDir, STORAGE: 'lmdb', LOG_LEVEL: 'warn' },
  });
  return stdout;
}

describe('npm run report', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'report-'));

  beforeAll(async () => {
    const offset = Date.now() - NOW.getTime();
    const storage = new LmdbStorage(join(dataDir, 'bot.mdb'));
    const log = new EventFeedbackLog(storage);
    for (const e of EVENTS) await log.record({ ...e, at: shift(e.at, offset) } as FeedbackEntry);
    // Tickets go in as stored documents with their index entries, as the repository writes them.
    for (const t of TICKETS) {
      const moved: Ticket = {
        ...t,
        createdAt: shift(t.createdAt, offset),
        history: t.history.map((h) => ({ ...h, at: shift(h.at, offset) })),
      };
      await storage.write({ [`tickets/${t.id}`]: moved, [`tickets/by-queue/${t.queue}/${moved.createdAt}.000001/${t.id}`]: {} });
    }
    await storage.close();
  });

  it('when asked for JSON, then it prints the report of buildInsights: the seeded rates, times and groups', async () => {
    const json = JSON.parse(await report(dataDir, ['7', '--json'])) as InsightsReport;
    expect(json.totals).toEqual({ questions: 7, sessions: 5, selfServiceResolutionRate: 0.4, escalationRate: 0.4 });
    expect(json.perQueue.find((q) => q.queue === 'microsoft-support')).toMatchObject({
      opened: 3,
      firstResponse: { median: 3, p90: 3.8 },
      resolution: { median: 14.5, p90: 22.1 },
    });
    // Each queue's target in content/support-routing.json is what the breaches are counted against.
    const routing = JSON.parse(readFileSync(join(__dirname, '..', '..', 'content', 'support-routing.json'), 'utf8'));
    for (const q of json.perQueue) expect(q.breaches.targetHours).toBe(routing.queues[q.queue].responseTarget.firstResponseHours);
    expect(json.unansweredGroups[0]).toMatchObject({ count: 3 });
    expect(JSON.stringify(json)).not.toContain('29:');
  });

  it('when asked for text, then it prints the same figures', async () => {
    const text = await report(dataDir, ['7']);
    expect(text).toContain('Questions: 7   Sessions: 5');
    expect(text).toContain('Self-service resolution rate: 40.0 %   Escalation rate: 40.0 %');
    expect(text).toContain('first response: median 3 h, p90 3.8 h (2 tickets)');
    expect(text).toMatch(/3 {2}\[en\] {2}where can I get a voucher for my exam/);
    expect(text).toContain('Satisfaction: 3 rating(s), average 3.67, 1 to 5: 0 / 1 / 0 / 1 / 1');
  });

  it('when the days are not a number, then it prints the usage and exits with 2', async () => {
    await expect(report(dataDir, ['lots'])).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringContaining('Usage: npm run --silent report'),
    });
  });
});
