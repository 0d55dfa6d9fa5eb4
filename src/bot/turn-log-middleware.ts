import type { Middleware, TurnContext } from 'botbuilder';
import type { Logger } from '../logging/logger';
import { maskSecrets } from '../logging/log-redaction';

const MAX_TEXT = 2000;

/**
 * One debug line per turn: what kind of activity, how long the turn took. What the user wrote
 * is personal data, so it is logged only when LOG_MESSAGE_TEXT says so, and masked first (the
 * bot's own masking runs later, inside the turn).
 */
export class TurnLogMiddleware implements Middleware {
  constructor(
    private readonly logger: Logger,
    private readonly logText: boolean,
  ) {}

  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    if (!this.logger.isLevelEnabled('debug')) return next();
    const { type, name, channelId, text } = context.activity;
    const started = Date.now();
    try {
      await next();
    } finally {
      this.logger.debug({
        event: 'turn',
        activityType: type,
        ...(name ? { name } : {}),
        channelId,
        textLength: typeof text === 'string' ? text.length : 0,
        ...(this.logText && typeof text === 'string' ? { text: maskSecrets(text).slice(0, MAX_TEXT) } : {}),
        ms: Date.now() - started,
      });
    }
  }
}
