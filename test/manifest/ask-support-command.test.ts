import JSZip from 'jszip';
import { loadPackageConfig } from '../../src/config/package-config';
import { ASK_SUPPORT_COMMAND } from '../../src/teams/ask-support-dialog';
import { buildAppPackage, zipPackage } from '../../scripts/app-package/build';
import { BOT_ID, MANIFEST_DIR, editedTemplate, removeTemplateCopies, validPackageEnv } from './package-fixtures';

// strip-bom 5 is ESM only; see app-package.test.ts.
jest.mock(require.resolve('strip-bom', { paths: [require('node:path').dirname(require.resolve('@microsoft/app-manifest'))] }), () => ({
  __esModule: true,
  default: (text: string) => text.replace(/^\uFEFF/, ''),
}));

const config = loadPackageConfig(validPackageEnv);
const build = (dir = MANIFEST_DIR) => buildAppPackage(dir, config);

afterAll(removeTemplateCopies);

interface Extension {
  botId: string;
  commands: { id: string; type: string; context?: string[]; fetchTask?: boolean; title: string }[];
}

describe('the "Ask support about this message" command in the app package', () => {
  it('when packaged, then the bot-based message extension declares askSupport as a message action that fetches its dialog, in English and French', async () => {
    const built = await build();
    expect(built.problems).toEqual([]);
    const zip = await JSZip.loadAsync(await zipPackage(built.files));
    const manifest = JSON.parse(await zip.file('manifest.json')!.async('string')) as { composeExtensions: Extension[] };
    const where = manifest.composeExtensions
      .flatMap((e, i) => e.commands.map((c, j) => ({ i, j, e, c })))
      .find((x) => x.c.id === ASK_SUPPORT_COMMAND)!;
    expect(where.e.botId).toBe(BOT_ID);
    expect(where.c).toMatchObject({ type: 'action', context: ['message'], fetchTask: true });
    const fr = JSON.parse(await zip.file('fr.json')!.async('string')) as Record<string, string>;
    expect(fr[`composeExtensions[${where.i}].commands[${where.j}].title`]).toBe('Demander au support');
    expect(fr[`composeExtensions[${where.i}].commands[${where.j}].description`]).toMatch(/ticket de support/);
  });

  it('when the message extension names another bot than MicrosoftAppId, then packaging refuses it', async () => {
    const dir = editedTemplate('manifest.json', (m) => {
      m.composeExtensions[0].botId = '11111111-2222-4333-8444-555555555555';
    });
    expect((await build(dir)).problems).toEqual([
      expect.stringContaining(`composeExtensions[0].botId is 11111111-2222-4333-8444-555555555555 but MicrosoftAppId is ${BOT_ID}`),
    ]);
  });

  it('when the command breaks the Teams schema, then the schema names it', async () => {
    const dir = editedTemplate('manifest.json', (m) => {
      m.composeExtensions[0].commands[0].context = ['everywhere'];
    });
    expect((await build(dir)).problems).toEqual([
      expect.stringContaining('manifest.json: /composeExtensions/0/commands/0/context/0 must be equal to one of the allowed values'),
    ]);
  });
});
