import { anonymousAndReachable, ConfigError, loadConfig } from '../../src/config/config';
import { problemsFrom } from '../helpers/problems';

const problems = (env: Record<string, string>): string[] => problemsFrom(() => loadConfig(env), ConfigError);

describe('configuration', () => {
  it('when nothing is set, then the bot runs locally on port 3978 without authentication', () => {
    const config = loadConfig({});
    expect(config.PORT).toBe(3978);
    expect(config.MicrosoftAppId).toBeUndefined();
  });

  it('when the weekly digest is set to a day that does not exist or an hour past 23, then both are named', () => {
    expect(loadConfig({}).INSIGHTS_DIGEST_DAY).toBe('off');
    expect(loadConfig({ INSIGHTS_DIGEST_DAY: 'monday', INSIGHTS_DIGEST_HOUR: '7' })).toMatchObject({
      INSIGHTS_DIGEST_DAY: 'monday',
      INSIGHTS_DIGEST_HOUR: 7,
    });
    expect(problems({ INSIGHTS_DIGEST_DAY: 'someday', INSIGHTS_DIGEST_HOUR: '24' })).toEqual(
      expect.arrayContaining([expect.stringMatching(/^INSIGHTS_DIGEST_DAY /), expect.stringMatching(/^INSIGHTS_DIGEST_HOUR /)]),
    );
  });

  it('when several variables are wrong, then every problem is reported at once', () => {
    expect(problems({ PORT: 'eighty', MicrosoftAppId: 'my-bot', MicrosoftAppType: 'SingleTenant', ANSWER_THRESHOLD: '2' })).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^PORT /),
        "MicrosoftAppId must be the bot's application (client) id, a GUID",
        expect.stringMatching(/^ANSWER_THRESHOLD /),
      ]),
    );
  });

  it("when the secret's ID (a GUID) is pasted instead of its value, then the message says so", () => {
    expect(
      problems({ MicrosoftAppId: '00000000-0000-0000-0000-000000000001', MicrosoftAppPassword: '8f14e45f-ceea-467f-a0e6-4c3a1b2c3d4e' }),
    ).toEqual(["MicrosoftAppPassword looks like the secret's ID (a GUID); paste the secret's Value instead"]);
  });

  it('when the tenant type is SingleTenant without a tenant id, then MicrosoftAppTenantId is named', () => {
    expect(
      problems({
        MicrosoftAppId: '00000000-0000-0000-0000-000000000001',
        MicrosoftAppPassword: 'a~secret',
        MicrosoftAppType: 'SingleTenant',
      }),
    ).toEqual(['MicrosoftAppTenantId is required when MicrosoftAppType is SingleTenant']);
  });
});

describe('where an anonymous endpoint listens', () => {
  const appId = { MicrosoftAppId: '00000000-0000-0000-0000-000000000001', MicrosoftAppPassword: 'x' };

  it('when no MicrosoftAppId is set, then the endpoint listens on loopback only', () => {
    const config = loadConfig({});
    expect(config.HOST).toBe('127.0.0.1');
    expect(anonymousAndReachable(config)).toBe(false);
  });

  it('when channel tokens are required, then it listens on every interface by default', () => {
    expect(loadConfig(appId).HOST).toBe('0.0.0.0');
  });

  it('when an anonymous endpoint is bound beyond loopback without saying so, then start-up is refused and names HOST', () => {
    expect(problems({ HOST: '0.0.0.0' })).toEqual([expect.stringMatching(/^HOST is not a loopback address.*ALLOW_ANONYMOUS_REMOTE=true/)]);
    expect(problems({ HOST: '::1' })).toEqual([]);
  });

  it('when ALLOW_ANONYMOUS_REMOTE is set, then it may bind elsewhere, flagged for the start-up warning', () => {
    const config = loadConfig({ HOST: '0.0.0.0', ALLOW_ANONYMOUS_REMOTE: 'true' });
    expect(config.HOST).toBe('0.0.0.0');
    expect(anonymousAndReachable(config)).toBe(true);
  });
});
