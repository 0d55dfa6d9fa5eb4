import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

describe('the dialog library as the bot loads it', () => {
  it('when the bot is loaded, then the dialogs come without the prompts and their Recognizers-Text models', () => {
    const out = execFileSync(
      process.execPath,
      [join(__dirname, '..', 'fixtures', 'require-ts.js'), join(__dirname, 'fixtures', 'loaded-modules.ts')],
      {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
      },
    );
    expect(JSON.parse(out)).toEqual({ dialogs: 1, prompts: 0, models: 0 });
  }, 30_000);
});
