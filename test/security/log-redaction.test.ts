import { routeConsoleToLogger } from '../../src/logging/console-capture';
import { capturedLogger } from '../helpers/log-capture';

const TOKEN = 'eyJhbGciOiJSUzI1NiJ9.eyJhdWQiOiJib3QiLCJpc3MiOiJ4In0.c2lnbmF0dXJlLXNpZ25hdHVyZQ';
const ACCOUNT_KEY = 'Zm9vYmFyYmF6cXV4MTIzNDU2Nzg5MA==';

/** An HTTP client error as the Azure SDK and botframework-connector build them: the request rides along. */
function clientError(): Error {
  return Object.assign(new Error(`POST failed with Authorization: Bearer ${TOKEN}`), {
    statusCode: 403,
    request: {
      url: 'https://smba.example.test/v3/conversations/a/activities',
      headers: { authorization: `Bearer ${TOKEN}` },
      body: '{"text":"my MCID is 998877"}',
    },
  });
}

describe('what reaches the logs', () => {
  it('when an error carrying its request is logged, then only its type, message and stack remain, masked', () => {
    const log = capturedLogger();
    log.logger.error({ event: 'turn_failed', err: clientError() });
    const [line] = log.lines;
    expect(line).not.toContain(TOKEN);
    expect(line).not.toContain('998877');
    expect(JSON.parse(line)).toMatchObject({
      event: 'turn_failed',
      msg: expect.stringContaining('[redacted]'),
      err: { type: 'Error', statusCode: 403 },
    });
    expect(Object.keys(JSON.parse(line).err).sort()).toEqual(['message', 'stack', 'statusCode', 'type']);
  });

  it('when a message names a storage account key, a SAS signature or URL credentials, then they are masked', () => {
    const log = capturedLogger();
    const text = `DefaultEndpointsProtocol=https;AccountName=bot;AccountKey=${ACCOUNT_KEY};EndpointSuffix=core.windows.net https://bot.blob.core.windows.net/state?sv=2024&sig=abcDEF123%2B https://admin:s3cret@hooks.example.test/x`;
    log.logger.warn({ event: 'outbox_delivery_failed', err: text });
    const [line] = log.lines;
    for (const secret of [ACCOUNT_KEY, 'abcDEF123', 's3cret']) expect(line).not.toContain(secret);
  });

  it('when a field is named like a credential, then its value is censored wherever it is', () => {
    const log = capturedLogger();
    log.logger.info({
      event: 'config',
      MicrosoftAppPassword: 'hunter2-value',
      headers: { authorization: `Bearer ${TOKEN}` },
      webhook: { secret: 'whsec_1' },
    });
    expect(log.lines[0]).not.toMatch(/hunter2-value|whsec_1|eyJ/);
  });

  it('when a library writes to the console, then each call is one masked JSON line and objects are not dumped', () => {
    const log = capturedLogger();
    const restore = routeConsoleToLogger(log.logger);
    try {
      console.error(clientError());
      console.warn('BadRequest: Missing activity or activity type.', { activity: { text: 'my MCID is 998877' } });
    } finally {
      restore();
    }
    expect(log.events().map((e) => e.event)).toEqual(['library_console', 'library_console']);
    const all = log.lines.join('\n');
    expect(all).not.toContain(TOKEN);
    expect(all).not.toContain('998877');
    expect(log.events()[1].message).toBe('BadRequest: Missing activity or activity type. [object]');
  });
});
