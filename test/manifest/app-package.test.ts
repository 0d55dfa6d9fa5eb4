import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { PNG } from 'pngjs';
import { SEARCH_COMMANDS } from '../../src/bot/search-extensions';
import { loadPackageConfig } from '../../src/config/package-config';
import { commandOf, HANDLED_COMMANDS } from '../../src/dialogs/text-commands';
import { buildAppPackage, zipPackage } from '../../scripts/app-package/build';
import { BOT_ID, MANIFEST_DIR, editedTemplate, removeTemplateCopies, replacedFile, validPackageEnv } from './package-fixtures';

// strip-bom 5 (used by @microsoft/app-manifest) is ESM only: Node 20 loads it, jest's CommonJS
// runtime does not. It only removes a leading byte-order mark.
jest.mock(require.resolve('strip-bom', { paths: [require('node:path').dirname(require.resolve('@microsoft/app-manifest'))] }), () => ({
  __esModule: true,
  default: (text: string) => text.replace(/^\uFEFF/, ''),
}));

const config = loadPackageConfig(validPackageEnv);
const build = (dir = MANIFEST_DIR) => buildAppPackage(dir, config);

function png(size: number, rgba: [number, number, number, number]): Buffer {
  const image = new PNG({ width: size, height: size });
  for (let i = 0; i < image.data.length; i += 4) image.data.set(rgba, i);
  image.data.set([0, 0, 0, 0], 0); // one transparent pixel, as an outline icon needs
  return PNG.sync.write(image);
}

afterAll(removeTemplateCopies);

describe('the Teams app package', () => {
  it('when the configuration is complete, then the package validates and the zip holds the filled manifest, icons and French file', async () => {
    const built = await build();
    expect(built.problems).toEqual([]);
    const zip = await JSZip.loadAsync(await zipPackage(built.files));
    expect(Object.keys(zip.files).sort()).toEqual(['color.png', 'fr.json', 'manifest.json', 'outline.png']);
    const manifest = JSON.parse(await zip.file('manifest.json')!.async('string'));
    expect(manifest.bots[0].botId).toBe(BOT_ID);
    expect(manifest.id).toBe(BOT_ID);
    expect(manifest.developer).toEqual({
      name: 'Contoso',
      websiteUrl: 'https://contoso.example/help',
      privacyUrl: 'https://contoso.example/privacy',
      termsOfUseUrl: 'https://contoso.example/terms',
    });
    expect(await zip.file('fr.json')!.async('string')).not.toContain('${{');
  });

  it('when packaged, then the tab "Insights" loads from BOT_DOMAIN in the Teams locale and signs in for api://BOT_DOMAIN/bot id', async () => {
    const built = await build();
    expect(built.problems).toEqual([]);
    const manifest = JSON.parse(built.files.get('manifest.json')!.toString('utf8'));
    expect(manifest.staticTabs).toEqual([
      {
        entityId: 'insights',
        name: 'Insights',
        contentUrl: 'https://certbot.contoso.example/insights?lang={locale}',
        scopes: ['personal'],
      },
    ]);
    expect(manifest.validDomains).toEqual(['certbot.contoso.example']);
    expect(manifest.webApplicationInfo).toEqual({ id: BOT_ID, resource: `api://certbot.contoso.example/${BOT_ID}` });
    expect(JSON.parse(built.files.get('fr.json')!.toString('utf8'))['staticTabs[0].name']).toBe('Indicateurs');
  });

  it("when the manifest breaks the Teams schema, then the schema's own messages name the fields", async () => {
    const dir = editedTemplate('manifest.json', (m) => {
      delete m.developer.websiteUrl;
      m.accentColor = 'blue';
    });
    const { problems } = await build(dir);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringContaining("manifest.json: /developer must have required property 'websiteUrl'"),
        expect.stringContaining('manifest.json: /accentColor must match pattern'),
      ]),
    );
  });

  it('when the manifest lists a command the bot does not handle, then packaging names it', async () => {
    const dir = editedTemplate('manifest.json', (m) => {
      m.bots[0].commandLists[1].commands.push({ title: 'transcript', description: 'Share my transcript' });
    });
    expect((await build(dir)).problems).toEqual([
      expect.stringMatching(
        /^manifest\.json: bots\[0\]\.commandLists\[1\]\.commands\[5\]\.title "transcript" is not a command the bot handles/,
      ),
    ]);
  });

  it('when the template names another bot than MicrosoftAppId, then packaging refuses the mismatch', async () => {
    const dir = editedTemplate('manifest.json', (m) => {
      m.bots[0].botId = '11111111-2222-4333-8444-555555555555';
    });
    expect((await build(dir)).problems).toEqual([
      expect.stringContaining(`bots[0].botId is 11111111-2222-4333-8444-555555555555 but MicrosoftAppId is ${BOT_ID}`),
    ]);
  });

  it('when the message extension names another bot than MicrosoftAppId, then packaging refuses the mismatch', async () => {
    const dir = editedTemplate('manifest.json', (m) => {
      m.composeExtensions[0].botId = '11111111-2222-4333-8444-555555555555';
    });
    expect((await build(dir)).problems).toEqual([
      expect.stringContaining(`composeExtensions[0].botId is 11111111-2222-4333-8444-555555555555 but MicrosoftAppId is ${BOT_ID}`),
    ]);
  });

  it('when a search command breaks the Teams schema, then the schema names the field', async () => {
    const dir = editedTemplate('manifest.json', (m) => {
      m.composeExtensions[0].commands[0].title = 'x'.repeat(33);
    });
    expect((await build(dir)).problems).toContainEqual(
      expect.stringContaining('manifest.json: /composeExtensions/0/commands/0/title must NOT have more than 32 characters'),
    );
  });

  it('when the icons have the wrong size or the outline is not white, then each icon problem is reported', async () => {
    expect((await build(replacedFile('color.png', png(96, [59, 91, 169, 255])))).problems).toEqual([
      'color.png: the color icon must be 192x192 pixels, it is 96x96',
    ]);
    expect((await build(replacedFile('outline.png', png(32, [255, 0, 0, 255])))).problems).toEqual([
      'outline.png: the outline icon must be white only; 1023 visible pixels are not white',
    ]);
  });

  it('when the French file breaks its schema or gives a command a title the bot does not match, then packaging says so', async () => {
    const dir = editedTemplate('fr.json', (fr) => {
      fr['description.short'] = 'x'.repeat(81);
      fr['bots[0].commandLists[0].commands[0].title'] = 'afficher le menu';
    });
    expect((await build(dir)).problems).toEqual([
      expect.stringContaining('fr.json: /description.short must NOT have more than 80 characters'),
      expect.stringContaining(
        'fr.json: bots[0].commandLists[0].commands[0].title "afficher le menu" would send a command the bot does not handle',
      ),
    ]);
  });

  it('when the menus offer words the bot matches in any language, case or accent, then packaging accepts them', async () => {
    const dir = editedTemplate('manifest.json', (m) => {
      m.bots[0].commandLists[0].commands[0].title = 'Aide';
      m.bots[0].commandLists[1].commands[4].title = 'Mes tickets';
      m.bots[0].commandLists[2].commands[0].title = 'Arrêter';
    });
    expect((await build(dir)).problems).toEqual([]);
  });

  it('when a template uses a placeholder packaging does not know, then it is reported instead of shipped', async () => {
    const dir = replacedFile(
      'manifest.json',
      readFileSync(join(MANIFEST_DIR, 'manifest.json'), 'utf8').replace('${{APP_VERSION}}', '${{VERSION}}'),
    );
    expect((await build(dir)).problems).toContainEqual(expect.stringMatching(/^manifest\.json: unknown placeholder \$\{\{VERSION\}\}/));
  });
});

describe('the manifest template in the repository', () => {
  const template = JSON.parse(readFileSync(join(MANIFEST_DIR, 'manifest.json'), 'utf8'));

  it('when read, then the app and bot ids are placeholders, never real ids', () => {
    expect(template.id).toBe('${{APP_ID}}');
    expect(template.bots[0].botId).toBe('${{BOT_ID}}');
  });

  it('when read, then personal chat, team and group chat offer the same menu, and every title is a word the bot matches', () => {
    const byScope = Object.fromEntries(
      template.bots[0].commandLists.map((l: { scopes: string[]; commands: { title: string }[] }) => [
        l.scopes.join(),
        l.commands.map((c) => c.title),
      ]),
    );
    const menu = ['help', 'credit', 'link', 'support', 'my tickets'];
    expect(byScope).toEqual({ personal: menu, team: menu, groupChat: menu });
    // The list the package validates against is the one the bot matches: the same words, both ways.
    expect(menu.filter((title) => !HANDLED_COMMANDS.includes(title as (typeof HANDLED_COMMANDS)[number]))).toEqual([]);
    expect(HANDLED_COMMANDS.filter((word) => commandOf(word) === undefined)).toEqual([]);
  });

  it("when read, then the search message extensions are the bot's, with a query parameter, in the compose box and the command box", () => {
    const [extension] = template.composeExtensions;
    expect(extension.botId).toBe('${{BOT_ID}}');
    const searches = extension.commands.filter((c: { type: string }) => c.type === 'query');
    expect(searches.map((c: { id: string }) => c.id)).toEqual([...SEARCH_COMMANDS]);
    for (const command of searches) {
      expect(command.parameters.map((p: { name: string }) => p.name)).toEqual(['query']);
      expect(command.context).toEqual(['compose', 'commandBox']);
    }
    // No per-command scope in the schema: the extension follows the bot's scopes.
    expect(template.bots[0].scopes.sort()).toEqual(['groupChat', 'personal', 'team']);
  });
});
