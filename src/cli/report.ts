import { loadConfigFromProcess } from '../config/config';
import { createFeedbackLog } from '../feedback/feedback-log';
import { buildReport, formatReport } from '../feedback/feedback-report';
import { createLogger } from '../logging/logger';
import { openStorage } from '../storage/create-storage';

/** `npm run report -- [days]`: what users asked that the bot could not answer, and what did not help. */
async function main(args: string[]): Promise<void> {
  const days = Number(args[0] ?? 30);
  if (!Number.isInteger(days) || days < 1 || days > 366) {
    process.stderr.write('Usage: npm run --silent report -- [days, 1 to 366; default 30]\n');
    process.exit(2);
  }
  const config = loadConfigFromProcess();
  const log = createFeedbackLog(await openStorage(config, createLogger('warn')));
  process.stdout.write(`${formatReport(buildReport(await log.recent(days, new Date())), days)}\n`);
}

main(process.argv.slice(2)).catch((error: Error) => {
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
});
