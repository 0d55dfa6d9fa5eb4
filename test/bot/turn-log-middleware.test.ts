import { ActivityTypes, TestAdapter, type Activity } from 'botbuilder';
import { TurnLogMiddleware } from '../../src/bot/turn-log-middleware';
import { capturedLogger } from '../helpers/log-capture';

async function logTurn(text: string, options: { level: string; logText: boolean }) {
  const log = capturedLogger(options.level);
  const adapter = new TestAdapter(async (context) => void (await context.sendActivity('ok')));
  adapter.use(new TurnLogMiddleware(log.logger, options.logText));
  await adapter.processActivity({ type: ActivityTypes.Message, text } as Activity);
  return log;
}

const SECRET_TEXT = 'my password is Hunter2! and my MCID is 123456';

describe('TurnLogMiddleware', () => {
  it('when debug logging is on but message text is not, then the turn is logged without what the user wrote', async () => {
    const log = await logTurn(SECRET_TEXT, { level: 'debug', logText: false });
    expect(log.events()).toEqual([expect.objectContaining({ event: 'turn', activityType: 'message', textLength: SECRET_TEXT.length })]);
    expect(log.lines.join('\n')).not.toContain('MCID');
  });

  it('when LOG_MESSAGE_TEXT is on, then the text is logged with its secrets masked', async () => {
    const log = await logTurn(SECRET_TEXT, { level: 'debug', logText: true });
    const [turn] = log.events();
    expect(turn.text).toContain('MCID is 123456');
    expect(turn.text).not.toContain('Hunter2');
  });

  it('when the level is info, then nothing is logged per turn', async () => {
    const log = await logTurn('hello', { level: 'info', logText: true });
    expect(log.lines).toEqual([]);
  });
});
