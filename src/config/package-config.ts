import { config as loadDotenv } from 'dotenv';
import { z } from 'zod';
import { GUID, optionalText } from './env-fields';
import { ConfigError, loadConfig, type AppConfig } from './config';

// Teams refuses http:// links in the developer section of a manifest.
const httpsUrl = z
  .string({ error: 'is required: an https:// address' })
  .trim()
  .refine((v) => /^https:\/\/[^\s/.]+(?:\.[^\s/.]+)+(?:\/\S*)?$/i.test(v), { message: 'must be an https:// address' });

/** What the Teams app package needs beyond the bot's own configuration. */
const packageSchema = z.object({
  /** The Teams app id; Teams keeps it across updates, so it defaults to the bot's app id. */
  APP_ID: optionalText.refine((v) => v === undefined || GUID.test(v), { message: 'must be a GUID' }),
  /** Teams requires a higher version for every update of an uploaded app. */
  APP_VERSION: z
    .string()
    .trim()
    .default('1.0.0')
    .refine((v) => /^\d+\.\d+\.\d+$/.test(v), { message: 'must look like 1.0.0 (major.minor.patch)' }),
  APP_NAME_SHORT: z.string().trim().min(1).max(30, { message: 'must be 30 characters at most' }).default('Certification Help'),
  APP_NAME_FULL: z
    .string()
    .trim()
    .min(1)
    .max(100, { message: 'must be 100 characters at most' })
    .default('Certification Help: college credit and certification profile linking'),
  APP_DEVELOPER_NAME: z
    .string({ error: 'is required: the organization that publishes the app' })
    .trim()
    .min(1, { message: 'is required: the organization that publishes the app' })
    .max(32, { message: 'must be 32 characters at most' }),
  APP_WEBSITE_URL: httpsUrl,
  APP_PRIVACY_URL: httpsUrl,
  APP_TERMS_URL: httpsUrl,
});

export interface PackageConfig {
  readonly botId: string;
  /** The bot's public host: the Insights tab's address and its sign-in resource (`api://BOT_DOMAIN/botId`). */
  readonly botDomain: string;
  readonly appId: string;
  readonly version: string;
  readonly nameShort: string;
  readonly nameFull: string;
  readonly developerName: string;
  readonly websiteUrl: string;
  readonly privacyUrl: string;
  readonly termsUrl: string;
}

/**
 * Reads the packaging settings together with the bot's configuration, so the checks done at
 * startup (secret ID instead of value, app id not a GUID, tenant) also stop a bad package.
 * Every problem of both is reported at once.
 */
export function loadPackageConfig(env: NodeJS.ProcessEnv | Record<string, string | undefined>): PackageConfig {
  const problems: string[] = [];
  let app: AppConfig | undefined;
  try {
    app = loadConfig(env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    problems.push(...error.problems);
  }
  if (app && !app.MicrosoftAppId) {
    problems.push("MicrosoftAppId is required to package the app: set MicrosoftAppId to the Azure Bot's app (client) id");
  }
  if (app && !app.BOT_DOMAIN) {
    problems.push('BOT_DOMAIN is required to package the app: the host the Insights tab loads from (bot.contoso.example)');
  }
  const result = packageSchema.safeParse(env);
  if (!result.success) problems.push(...result.error.issues.map((i) => `${i.path.join('.')} ${i.message}`));
  if (problems.length > 0 || !app?.MicrosoftAppId || !app.BOT_DOMAIN || !result.success) throw new ConfigError(problems);

  const pkg = result.data;
  return Object.freeze({
    botId: app.MicrosoftAppId,
    botDomain: app.BOT_DOMAIN,
    appId: pkg.APP_ID ?? app.MicrosoftAppId,
    version: pkg.APP_VERSION,
    nameShort: pkg.APP_NAME_SHORT,
    nameFull: pkg.APP_NAME_FULL,
    developerName: pkg.APP_DEVELOPER_NAME,
    websiteUrl: pkg.APP_WEBSITE_URL,
    privacyUrl: pkg.APP_PRIVACY_URL,
    termsUrl: pkg.APP_TERMS_URL,
  });
}

/** The packaging settings from `.env` (if present) and the real environment. */
export function loadPackageConfigFromProcess(): PackageConfig {
  // dotenv never overrides variables already set by the host.
  loadDotenv({ quiet: true });
  return loadPackageConfig(process.env);
}

/**
 * The environment for a developer tool started as a child process (the Agents Playground), with
 * `extra` on top; built here so that process.env is only read under src/config.
 */
export function toolProcessEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  return { ...process.env, ...extra };
}
