import { ActivityTypes, type Activity, type Middleware, type TurnContext } from 'botbuilder';
import { LANGUAGES, langFromLocale, type Lang } from '../i18n/language';
import { strings } from '../i18n/strings';
import { findTurnLang } from '../dialogs/user-input';
import type { Logger } from '../logging/logger';
import { dialogMessage, invokeResponse, searchMessage } from './card-activity';

const WINDOW_MS = 60_000;

export interface RateLimitOptions {
  /** Messages and card clicks per user per minute; 0 turns the cap off. */
  readonly perMinute: number;
  /**
   * What this cap counts: `chat`, messages and card clicks (the default); `search`, the message
   * extensions' queries and picks, which Teams sends as the user types and so get their own budget.
   */
  readonly kind?: 'chat' | 'search';
  readonly now?: () => number;
}

/**
 * A cap per user on messages and card clicks per minute (sliding window), so one person or a
 * stuck client cannot monopolise the bot or flood the support queues. Over the cap the turn is
 * not run and the user is told, once per window, in their language, to slow down.
 *
 * Counted in memory, per instance: a shared counter would cost a storage write per message,
 * turning a flood into load on the store. Behind N instances a user gets up to N times the cap.
 * Memory stays bounded: a user's entry holds at most `perMinute` times and is dropped once idle
 * for a minute.
 *
 * It runs first, before anything reads the text or writes to the store (the repeat check writes
 * once per message), so a refused message costs a map lookup. The refusal's language is chosen
 * without reading the text: the card's language for a click, else the language the bot last
 * answered this user in (remembered here, in memory), else the Teams locale.
 */
export class RateLimitMiddleware implements Middleware {
  private readonly sent = new Map<string, { times: number[]; warnedAt?: number; lang?: Lang }>();
  private readonly now: () => number;
  private lastSweep = 0;

  constructor(
    private readonly options: RateLimitOptions,
    private readonly log: Logger,
  ) {
    this.now = options.now ?? Date.now;
  }

  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    const { activity } = context;
    const counted = this.options.kind === 'search' ? isSearch(activity) : isUserInput(activity);
    if (this.options.perMinute <= 0 || !counted || !activity.from?.id) return next();
    const now = this.now();
    this.sweep(now);
    const key = `${activity.channelId}/${activity.from.aadObjectId ?? activity.from.id}`;
    const entry = this.sent.get(key) ?? { times: [] };
    entry.times = entry.times.filter((t) => now - t < WINDOW_MS);
    this.sent.set(key, entry);
    if (entry.times.length < this.options.perMinute) {
      entry.times.push(now);
      await next();
      entry.lang = findTurnLang(context) ?? entry.lang;
      return;
    }
    const s = strings(replyLang(activity, entry.lang));
    const text = this.options.kind === 'search' ? s.search.tooFast : s.rateLimited;
    const warn = entry.warnedAt === undefined || now - entry.warnedAt >= WINDOW_MS;
    if (warn) {
      entry.warnedAt = now;
      this.log.info({ event: 'rate_limited', channelId: activity.channelId });
    }
    if (isSearch(activity)) {
      // A search shows the refusal where its results would be.
      await context.sendActivity({ type: ActivityTypes.InvokeResponse, value: searchMessage(text) });
    } else if (activity.type === ActivityTypes.Invoke) {
      // A card click must be answered; Teams shows this text by the card. A dialog shows it in its place.
      const reply = DIALOG_INVOKES.has(activity.name ?? '') ? dialogMessage(text) : invokeResponse(text);
      await context.sendActivity({ type: ActivityTypes.InvokeResponse, value: reply });
    } else if (warn) {
      await context.sendActivity(text);
    }
  }

  /** How many users the limiter currently remembers. */
  get trackedUsers(): number {
    return this.sent.size;
  }

  private sweep(now: number): void {
    if (now - this.lastSweep < WINDOW_MS) return;
    this.lastSweep = now;
    for (const [key, entry] of this.sent) {
      if (entry.times.every((t) => now - t >= WINDOW_MS)) this.sent.delete(key);
    }
  }
}

/** A message extension's dialog: each opening and each button is the user's doing, so it counts too. */
const DIALOG_INVOKES = new Set(['composeExtension/fetchTask', 'composeExtension/submitAction']);

function isUserInput(activity: Activity): boolean {
  if (activity.type === ActivityTypes.Message) return true;
  return activity.type === ActivityTypes.Invoke && (activity.name === 'adaptiveCard/action' || DIALOG_INVOKES.has(activity.name ?? ''));
}

function isSearch(activity: Activity): boolean {
  const { type, name } = activity;
  return type === ActivityTypes.Invoke && (name === 'composeExtension/query' || name === 'composeExtension/selectItem');
}

/** The card's language for a click, else the user's last reply language, else the Teams locale: never the text. */
function replyLang(activity: Activity, lastAnswered: Lang | undefined): Lang {
  const value = activity.value as { lang?: unknown; action?: { data?: { lang?: unknown } } } | undefined;
  const fromCard = value?.action?.data?.lang ?? value?.lang;
  if (LANGUAGES.includes(fromCard as Lang)) return fromCard as Lang;
  return lastAnswered ?? langFromLocale(activity.locale);
}
