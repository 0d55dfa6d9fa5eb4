import { config as loadDotenv } from 'dotenv';
import { z } from 'zod';
import { GUID, optionalText } from './env-fields';

const idList = z
  .string()
  .optional()
  .transform((v) =>
    (v ?? '')
      .split(',')
      .map((id) => id.trim())
      .filter(Boolean),
  );

const optionalUrl = optionalText.refine((v) => v === undefined || /^https?:\/\/\S+$/.test(v), { message: 'must be an http(s) URL' });

const envSchema = z
  .object({
    PORT: z.coerce.number().int().min(0).max(65535).default(3978),
    /** Where to listen. Default: every interface with channel tokens, loopback (127.0.0.1) without. */
    HOST: optionalText,
    /** Lets an anonymous endpoint (no MicrosoftAppId) listen beyond loopback; the start-up log warns. */
    ALLOW_ANONYMOUS_REMOTE: z
      .enum(['true', 'false'])
      .default('false')
      .transform((v) => v === 'true'),
    /** Folder of the embedded store (LMDB file `bot.mdb`). */
    DATA_DIR: z.string().default('./data'),
    /** `lmdb`: the embedded store under DATA_DIR (`file`, its old name, still means it); `azure-blob`: shared by several instances. */
    STORAGE: z
      .enum(['lmdb', 'file', 'azure-blob'])
      .default('lmdb')
      .transform((v) => (v === 'file' ? 'lmdb' : v)),
    /** Conversation state (dialog in progress, recent turns) untouched this long is deleted. */
    CONVERSATION_STATE_TTL_DAYS: z.coerce.number().int().min(1).default(30),
    /** User state (language choice) of users gone quiet this long is deleted. */
    USER_STATE_TTL_DAYS: z.coerce.number().int().min(1).default(180),
    /** Claims of delivered activity ids (dedupe) are kept this long; channels retry within minutes. */
    DEDUPE_TTL_HOURS: z.coerce.number().int().min(1).default(24),
    /** Feedback and unanswered-question records older than this are deleted. */
    FEEDBACK_RETENTION_DAYS: z.coerce.number().int().min(1).default(400),
    /** How often expired records are swept from the embedded store, in minutes. */
    EXPIRY_INTERVAL_MINUTES: z.coerce.number().int().min(1).default(60),
    AZURE_STORAGE_CONNECTION_STRING: optionalText,
    AZURE_STORAGE_CONTAINER: z
      .string()
      .trim()
      .regex(/^(?=.{3,63}$)[a-z0-9]+(-[a-z0-9]+)*$/, 'must be 3-63 lowercase letters, digits and single hyphens (an Azure container name)')
      .default('bot-state'),
    /** Where the content and the card templates live; tests point these at fixtures. */
    CONTENT_DIR: z.string().default('./content'),
    CARDS_DIR: z.string().default('./cards'),
    /** The Insights page's HTML, script and style (GET /insights). */
    INSIGHTS_PAGE_DIR: z.string().default('./insights-page'),
    MicrosoftAppId: optionalText.refine((v) => v === undefined || GUID.test(v), {
      message: "must be the bot's application (client) id, a GUID",
    }),
    MicrosoftAppPassword: optionalText,
    MicrosoftAppType: z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI']).default('MultiTenant'),
    MicrosoftAppTenantId: optionalText,
    /** Largest request body accepted by the endpoint, in bytes. */
    MAX_BODY_BYTES: z.coerce
      .number()
      .int()
      .min(1024)
      .default(256 * 1024),
    /** Confidence at or above which the bot answers a free-text question (docs/matching.md). */
    ANSWER_THRESHOLD: z.coerce.number().min(0).max(1).default(0.5),
    /** From this confidence up to ANSWER_THRESHOLD the bot asks "Did you mean…". */
    SUGGEST_THRESHOLD: z.coerce.number().min(0).max(1).default(0.35),
    /** When the two best topics are closer than this, the bot asks instead of guessing. */
    SUGGEST_MARGIN: z.coerce.number().min(0).max(1).default(0.05),
    /** Answered, a close runner-up within this of the answer is offered on the card as "See also"; 0 turns it off. */
    SEE_ALSO_GAP: z.coerce.number().min(0).max(1).default(0.3),
    /** Lower bar inside the linking flow, where the question already narrows the topics. */
    SITUATION_THRESHOLD: z.coerce.number().min(0).max(1).default(0.35),
    LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
    /** With LOG_LEVEL=debug, also log what users type (secrets masked). Off: logs never carry message text. */
    LOG_MESSAGE_TEXT: z
      .enum(['true', 'false'])
      .default('false')
      .transform((v) => v === 'true'),
    /** Messages and card clicks one user may send per minute before the bot asks them to slow down; 0 turns the cap off. */
    RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(0).default(30),
    /** On SIGTERM, how long in-flight turns may take to finish before the process gives up, in milliseconds. */
    SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(100).default(10_000),
    /** Teams user ids or AAD object ids, comma-separated: who may register a support channel. */
    SUPPORT_ADMINS: idList,
    /**
     * The bot's public host name (`bot.contoso.example`): the Insights tab loads from it and its
     * sign-in resource is `api://BOT_DOMAIN/MicrosoftAppId`. Needed by `npm run package`.
     */
    BOT_DOMAIN: optionalText.refine((v) => v === undefined || /^(?=.{1,253}$)[a-z0-9-]+(\.[a-z0-9-]+)+(:\d{1,5})?$/i.test(v), {
      message: 'must be a host name such as bot.contoso.example (no https://, no path)',
    }),
    /** The Microsoft Entra tenant whose people may open the Insights tab; defaults to MicrosoftAppTenantId. */
    INSIGHTS_TENANT_ID: optionalText.refine((v) => v === undefined || GUID.test(v), { message: 'must be a tenant id (a GUID)' }),
    /** Who may assign, reply to and resolve tickets (admins may too). */
    SUPPORT_AGENTS: idList,
    /** The channel SUPPORT_ADMINS and SUPPORT_AGENTS belong to: the same ids arriving from another channel are not support. */
    SUPPORT_CHANNEL: z.string().trim().min(1).max(64).default('msteams'),
    /** The weekly insights digest to each registered support channel: the day (UTC), or off. */
    INSIGHTS_DIGEST_DAY: z.enum(['off', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']).default('off'),
    /** The hour (UTC, 0 to 23) on that day from which the digest is sent. */
    INSIGHTS_DIGEST_HOUR: z.coerce.number().int().min(0).max(23).default(8),
    /** Language of the ticket cards in the support channels. */
    SUPPORT_LANGUAGE: z.enum(['en', 'fr']).default('en'),
    /** Optional webhook per queue (ServiceNow, Zendesk, Jira…), signed with WEBHOOK_SECRET. */
    WEBHOOK_URL_CERTIFICATION_SUPPORT: optionalUrl,
    WEBHOOK_URL_MICROSOFT_SUPPORT: optionalUrl,
    WEBHOOK_SECRET: optionalText,
    /** Send a Bot Framework handoff.initiate event with each ticket (agent hubs such as Omnichannel). */
    HANDOFF_ENABLED: z
      .enum(['true', 'false'])
      .default('false')
      .transform((v) => v === 'true'),
    /** Tickets one user may open per hour. */
    TICKETS_PER_HOUR: z.coerce.number().int().min(1).default(5),
    /** Ticket transcripts are blanked after this many days. */
    TRANSCRIPT_RETENTION_DAYS: z.coerce.number().int().min(1).default(30),
    /** How often the outbox retries deliveries that failed, in milliseconds. */
    OUTBOX_INTERVAL_MS: z.coerce.number().int().min(100).default(5000),
    /** How often unassigned tickets are checked against their queue's first-response target, in minutes. */
    RESPONSE_REMINDER_INTERVAL_MINUTES: z.coerce.number().int().min(1).max(1440).default(5),
    /** How long an instance's claim on an outbox delivery holds; after a crash, another instance sends it after this. */
    OUTBOX_LEASE_MS: z.coerce.number().int().min(1000).default(120_000),
    /**
     * How long a turn that started but never finished (its instance was killed) keeps its claim:
     * the channel's redelivery of it is run after this, and other turns of the conversation wait at most this.
     */
    TURN_CLAIM_TIMEOUT_MS: z.coerce.number().int().min(500).default(30_000),
  })
  .superRefine((env, ctx) => {
    if (env.MicrosoftAppId && !env.MicrosoftAppPassword && env.MicrosoftAppType !== 'UserAssignedMSI') {
      ctx.addIssue({ code: 'custom', path: ['MicrosoftAppPassword'], message: 'is required when MicrosoftAppId is set' });
    }
    if (env.MicrosoftAppPassword && GUID.test(env.MicrosoftAppPassword)) {
      ctx.addIssue({
        code: 'custom',
        path: ['MicrosoftAppPassword'],
        message: "looks like the secret's ID (a GUID); paste the secret's Value instead",
      });
    }
    if ((env.WEBHOOK_URL_CERTIFICATION_SUPPORT || env.WEBHOOK_URL_MICROSOFT_SUPPORT) && !env.WEBHOOK_SECRET) {
      ctx.addIssue({
        code: 'custom',
        path: ['WEBHOOK_SECRET'],
        message: 'is required when a webhook URL is set (receivers verify the signature)',
      });
    }
    if (env.STORAGE === 'azure-blob' && !env.AZURE_STORAGE_CONNECTION_STRING) {
      ctx.addIssue({ code: 'custom', path: ['AZURE_STORAGE_CONNECTION_STRING'], message: 'is required when STORAGE is azure-blob' });
    }
    if (env.MicrosoftAppType === 'SingleTenant' && !env.MicrosoftAppTenantId) {
      ctx.addIssue({ code: 'custom', path: ['MicrosoftAppTenantId'], message: 'is required when MicrosoftAppType is SingleTenant' });
    }
    if (!env.MicrosoftAppId && env.HOST && !isLoopback(env.HOST) && !env.ALLOW_ANONYMOUS_REMOTE) {
      ctx.addIssue({
        code: 'custom',
        path: ['HOST'],
        message:
          'is not a loopback address, and without MicrosoftAppId anyone who reaches it can talk as anyone: set MicrosoftAppId, or ALLOW_ANONYMOUS_REMOTE=true to accept that',
      });
    }
  })
  .transform((env) => ({ ...env, HOST: env.HOST ?? (env.MicrosoftAppId ? '0.0.0.0' : '127.0.0.1') }));

/** 127.0.0.0/8, ::1 and localhost: only this machine can connect. */
export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

/** An endpoint with no channel authentication that other machines can reach (the start-up log warns). */
export const anonymousAndReachable = (config: Pick<AppConfig, 'MicrosoftAppId' | 'HOST'>): boolean =>
  !config.MicrosoftAppId && !isLoopback(config.HOST);

export type AppConfig = Readonly<z.infer<typeof envSchema>>;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Reads and validates the environment once; every problem is reported together. */
export function loadConfig(env: NodeJS.ProcessEnv | Record<string, string | undefined>): AppConfig {
  const result = envSchema.safeParse(env);
  if (!result.success) {
    throw new ConfigError(result.error.issues.map((i) => `${i.path.join('.') || '(root)'} ${i.message}`));
  }
  return Object.freeze(result.data);
}

/** The only place that touches process.env: a `.env` file, if present, then the real environment. */
export function loadConfigFromProcess(): AppConfig {
  // dotenv never overrides variables already set by the host.
  loadDotenv({ quiet: true });
  return loadConfig(process.env);
}
