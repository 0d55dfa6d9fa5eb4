import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../src/config/config';
import { createLogger } from '../src/logging/logger';
import { ExpiryJob } from '../src/storage/expiry-job';
import { LmdbStorage } from '../src/storage/lmdb-storage';

/**
 * `node dist/bench/store-growth.js [days] [users-per-hour]`: a steady stream of new users, each
 * leaving what a first FAQ question leaves (conversation state, user state, a dedupe record,
 * sizes as the bot writes them), on a simulated clock. With the expiry job on (TTLs of one day,
 * so the test takes seconds) the data file stops growing once the first records age out: LMDB
 * reuses the pages freed by deletions. Without it, the file grows with every user.
 */
const days = Number(process.argv[2] ?? 8);
const perHour = Number(process.argv[3] ?? 1000);
const log = createLogger('warn', process.stderr);

const conversationState = (n: number) => ({
  dialogState: { dialogStack: [] },
  recentTurns: { turns: [{ from: 'user', text: `How do I unlink my MCID from my old company? ${n}`, at: new Date().toISOString() }] },
  root: { fallbacks: 0 },
});

async function run(expire: boolean): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), 'growth-'));
  const clock = { now: Date.parse('2026-01-01T00:00:00Z') };
  const store = new LmdbStorage(join(dir, 'bot.mdb'), { now: () => clock.now });
  const config = loadConfig({ CONVERSATION_STATE_TTL_DAYS: '1', USER_STATE_TTL_DAYS: '1', DEDUPE_TTL_HOURS: '1' });
  const job = new ExpiryJob(store, config, log, () => clock.now);
  const rows: string[] = [];
  let user = 0;
  for (let day = 1; day <= days; day++) {
    for (let hour = 0; hour < 24; hour++) {
      const items: Record<string, Record<string, unknown>> = {};
      for (let i = 0; i < perHour; i++) {
        user++;
        items[`msteams/conversations/a:growth-${user}/`] = conversationState(user);
        items[`msteams/users/29:growth-${user}/`] = { language: 'en' };
        items[`delivered/msteams/a:growth-${user}`] = { ids: { [`1:${user}`]: clock.now } };
      }
      await store.write(items);
      clock.now += 3600_000;
      if (expire) await job.runOnce();
    }
    const { entries, pages, pageSize } = store.stats();
    rows.push(
      `| ${expire ? 'on' : 'off'} | ${day} | ${user.toLocaleString('en-US')} | ${entries.toLocaleString('en-US')} | ${((pages * pageSize) / 1e6).toFixed(1)} | ${(statSync(join(dir, 'bot.mdb')).size / 1e6).toFixed(1)} |`,
    );
    process.stderr.write('.');
  }
  await store.close();
  rmSync(dir, { recursive: true, force: true });
  return rows;
}

async function main(): Promise<void> {
  const lines = ['| expiry | day | users so far | records | pages in use (MB) | data file (MB) |', '|---|---:|---:|---:|---:|---:|'];
  lines.push(...(await run(true)), ...(await run(false)));
  process.stdout.write(`\n${lines.join('\n')}\n`);
}

main().catch((error: Error) => {
  process.stderr.write(`${error.stack}\n`);
  process.exit(1);
});
