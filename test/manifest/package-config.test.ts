import { ConfigError } from '../../src/config/config';
import { loadPackageConfig } from '../../src/config/package-config';
import { BOT_ID, validPackageEnv } from './package-fixtures';
import { problemsFrom } from '../helpers/problems';

const problems = (env: Record<string, string>): string[] => problemsFrom(() => loadPackageConfig(env), ConfigError);

describe('packaging configuration', () => {
  it('when the bot and developer settings are set, then the Teams app id defaults to the bot id', () => {
    const config = loadPackageConfig(validPackageEnv);
    expect(config.botId).toBe(BOT_ID);
    expect(config.appId).toBe(BOT_ID);
    expect(config.version).toBe('1.0.0');
  });

  it('when APP_ID is set, then the Teams app id is kept apart from the bot id', () => {
    const appId = '0a0b0c0d-1111-4222-8333-444455556666';
    expect(loadPackageConfig({ ...validPackageEnv, APP_ID: appId }).appId).toBe(appId);
  });

  it('when MicrosoftAppId is not set, then packaging asks for it by name', () => {
    const { MicrosoftAppId: _, MicrosoftAppPassword: __, ...env } = validPackageEnv;
    expect(problems(env)).toContainEqual(expect.stringMatching(/^MicrosoftAppId is required to package the app: set MicrosoftAppId/));
  });

  it("when the secret's ID is pasted instead of its value, then packaging stops as startup does", () => {
    expect(problems({ ...validPackageEnv, MicrosoftAppPassword: '9a8b7c6d-1234-4321-8765-0a1b2c3d4e5f' })).toContain(
      "MicrosoftAppPassword looks like the secret's ID (a GUID); paste the secret's Value instead",
    );
  });

  it('when the app id is not a GUID and the developer settings are missing, then every problem is listed', () => {
    const { APP_DEVELOPER_NAME: _, APP_TERMS_URL: __, ...env } = validPackageEnv;
    expect(problems({ ...env, MicrosoftAppId: 'certification-bot', APP_PRIVACY_URL: 'http://contoso.example/privacy' })).toEqual(
      expect.arrayContaining([
        "MicrosoftAppId must be the bot's application (client) id, a GUID",
        'APP_DEVELOPER_NAME is required: the organization that publishes the app',
        'APP_PRIVACY_URL must be an https:// address',
        'APP_TERMS_URL is required: an https:// address',
      ]),
    );
  });

  it('when the short name or the version do not fit Teams, then they are refused', () => {
    expect(problems({ ...validPackageEnv, APP_NAME_SHORT: 'A name far too long for the Teams app bar', APP_VERSION: 'v2' })).toEqual([
      'APP_VERSION must look like 1.0.0 (major.minor.patch)',
      'APP_NAME_SHORT must be 30 characters at most',
    ]);
  });

  it('when BOT_DOMAIN is missing or written as an address, then packaging names it: the Insights tab needs the host', () => {
    const { BOT_DOMAIN: _, ...env } = validPackageEnv;
    expect(problems(env)).toEqual([
      'BOT_DOMAIN is required to package the app: the host the Insights tab loads from (bot.contoso.example)',
    ]);
    expect(problems({ ...validPackageEnv, BOT_DOMAIN: 'https://certbot.contoso.example/' })).toContain(
      'BOT_DOMAIN must be a host name such as bot.contoso.example (no https://, no path)',
    );
  });
});
