import { config as loadDotenv } from 'dotenv';
import { z } from 'zod';
import { GUID, optionalText } from './env-fields';

const idList = z
  .string()
  .optional()
  .transform((v) => (v ?? '').split(',').map((id) => id.trim()).filter(Boolean));

const optionalUrl = optionalText.refine((v) => v === undefined || /^https?:\/\/\S+$/.test(v), { message: 'must be an http(s) URL' });

const envSchema = z
  .object({
    PORT: z.coerce.number().int().min(0).max(65535).default(3978),
    HOST: z.string().default('0.0.0.0'),
    /** Folder of the embedded file store. */
    DATA_DIR: z.string().default('./data'),
    /** `file`: the embedded store under DATA_DIR; `azure-blob`: shared by several instances. */
    STORAGE: z.enum(['file', 'azure-blob']).default('file'),
    AZURE_STORAGE_CONNECTION_STRING: optionalText,
    AZURE_STORAGE_CONTAINER: z
      .string()
      .trim()
      .regex(/^(?=.{3,63}$)[a-z0-9]+(-[a-z0-9]+)*$/, 'must be 3-63 lowercase letters, digits and single hyphens (an Azure container name)')
      .default('bot-state'),
    /** Where the content and the card templates live; tests point these at fixtures. */
    CONTENT_DIR: z.string().default('./content'),
    CARDS_DIR: z.string().default('./cards'),
    MicrosoftAppId: optionalText.refine((v) => v === undefined || GUID.test(v), {
      message: 'must be the bot\'s application (client) id, a GUID',
    }),
    MicrosoftAppPassword: optionalText,
    MicrosoftAppType: z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI']).default('MultiTenant'),
    MicrosoftAppTenantId: optionalText,
    /** Largest request body accepted by the endpoint, in bytes. */
    MAX_BODY_BYTES: z.coerce.number().int().min(1024).default(256 * 1024),
    /** Confidence at or above which the bot answers a free-text question (docs/matching.md). */
    ANSWER_THRESHOLD: z.coerce.number().min(0).max(1).default(0.5),
    /** From this confidence up to ANSWER_THRESHOLD the bot asks "Did you mean…". */
    SUGGEST_THRESHOLD: z.coerce.number().min(0).max(1).default(0.35),
    /** When the two best topics are closer than this, the bot asks instead of guessing. */
    SUGGEST_MARGIN: z.coerce.number().min(0).max(1).default(0.05),
    /** Lower bar inside the linking flow, where the question already narrows the topics. */
    SITUATION_THRESHOLD: z.coerce.number().min(0).max(1).default(0.35),
    LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
    /** With LOG_LEVEL=debug, also log what users type (secrets masked). Off: logs never carry message text. */
    LOG_MESSAGE_TEXT: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
    /** Messages and card clicks one user may send per minute before the bot asks them to slow down; 0 turns the cap off. */
    RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(0).default(30),
    /** On SIGTERM, how long in-flight turns may take to finish before the process gives up, in milliseconds. */
    SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(100).default(10_000),
    /** Teams user ids or AAD object ids, comma-separated: who may register a support channel. */
    SUPPORT_ADMINS: idList,
    /** Who may assign, reply to and resolve tickets (admins may too). */
    SUPPORT_AGENTS: idList,
    /** Language of the ticket cards in the support channels. */
    SUPPORT_LANGUAGE: z.enum(['en', 'fr']).default('en'),
    /** Optional webhook per queue (ServiceNow, Zendesk, Jira…), signed with WEBHOOK_SECRET. */
    WEBHOOK_URL_CERTIFICATION_SUPPORT: optionalUrl,
    WEBHOOK_URL_MICROSOFT_SUPPORT: optionalUrl,
    WEBHOOK_SECRET: optionalText,
    /** Send a Bot Framework handoff.initiate event with each ticket (agent hubs such as Omnichannel). */
    HANDOFF_ENABLED: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
    /** Tickets one user may open per hour. */
    TICKETS_PER_HOUR: z.coerce.number().int().min(1).default(5),
    /** Ticket transcripts are blanked after this many days. */
    TRANSCRIPT_RETENTION_DAYS: z.coerce.number().int().min(1).default(30),
    /** How often the outbox retries deliveries that failed, in milliseconds. */
    OUTBOX_INTERVAL_MS: z.coerce.number().int().min(100).default(5000),
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
      ctx.addIssue({ code: 'custom', path: ['WEBHOOK_SECRET'], message: 'is required when a webhook URL is set (receivers verify the signature)' });
    }
    if (env.STORAGE === 'azure-blob' && !env.AZURE_STORAGE_CONNECTION_STRING) {
      ctx.addIssue({ code: 'custom', path: ['AZURE_STORAGE_CONNECTION_STRING'], message: 'is required when STORAGE is azure-blob' });
    }
    if (env.MicrosoftAppType === 'SingleTenant' && !env.MicrosoftAppTenantId) {
      ctx.addIssue({ code: 'custom', path: ['MicrosoftAppTenantId'], message: 'is required when MicrosoftAppType is SingleTenant' });
    }
  });

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
