import { loadConfigFromProcess } from '../config/config';
import { createFeedbackLog } from '../feedback/feedback-log';
import { buildInsights, MAX_DAYS } from '../insights/build-insights';
import { createInsightsSource } from '../insights/insights-source';
import { formatInsights } from '../insights/insights-text';
import { loadKnowledgeBase } from '../knowledge/content-loader';
import { createLogger } from '../logging/logger';
import { openStorage } from '../storage/create-storage';
import { TicketRepository } from '../support/ticket-repository';
import { loadRoutingRules } from '../support/routing-loader';

const USAGE = `Usage: npm run --silent report -- [days, 1 to ${MAX_DAYS}; default 30] [--json]\n`;

/** `npm run report -- [days] [--json]`: the insights of the dashboard and the digest, as text or JSON. */
async function main(args: string[]): Promise<void> {
  const json = args.includes('--json');
  const rest = args.filter((a) => a !== '--json');
  const days = Number(rest[0] ?? 30);
  if (rest.length > 1 || !Number.isInteger(days) || days < 1 || days > MAX_DAYS) {
    process.stderr.write(USAGE);
    process.exit(2);
  }
  const config = loadConfigFromProcess();
  const logger = createLogger('warn');
  const storage = await openStorage(config, logger);
  const source = createInsightsSource({
    feedback: createFeedbackLog(storage, logger),
    tickets: new TicketRepository(storage),
    kb: loadKnowledgeBase(config.CONTENT_DIR),
    routing: loadRoutingRules(config.CONTENT_DIR),
  });
  const report = await buildInsights(source, { days, now: new Date() });
  process.stdout.write(`${json ? JSON.stringify(report, null, 2) : formatInsights(report)}\n`);
}

main(process.argv.slice(2)).catch((error: Error) => {
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
});
