import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { AppManifestUtils } from '@microsoft/app-manifest';
import { checkIcon } from './icons';

type Json = Record<string, unknown>;
type AppManifest = Parameters<typeof AppManifestUtils.validateAgainstSchema>[0];

export interface PackageExpectations {
  /** The bot's app id (MicrosoftAppId): Teams delivers messages to the bot the manifest names. */
  readonly botId: string;
  /** Whether the bot answers a title as a command: its own matcher (`commandOf`), so the two never drift apart. */
  readonly isCommand: (title: string) => boolean;
}

const SCHEMA_URL =
  /^https:\/\/developer\.microsoft\.com\/(?:[a-z]{2}(?:-[a-z]{2})?\/)?json-schemas\/teams\/(v[\w.]+)\/(MicrosoftTeams(?:\.Localization)?\.schema\.json)$/i;
const COMMAND_KEY = /^bots\[0\]\.commandLists\[(\d+)\]\.commands\[(\d+)\]\.(title|description)$/;

/**
 * Checks an app package before it is written: each JSON file against its Teams schema (offline,
 * from the schemas bundled with @microsoft/app-manifest), the bot id, the commands, the icons
 * and the files the manifest refers to. Returns every problem found, each naming its file.
 */
export async function validatePackage(files: ReadonlyMap<string, Buffer>, expected: PackageExpectations): Promise<string[]> {
  const manifest = parseJson('manifest.json', files);
  if (typeof manifest === 'string') return [manifest];
  const problems = await schemaProblems('manifest.json', manifest);

  const bots = Array.isArray(manifest.bots) ? (manifest.bots as Json[]) : [];
  if (bots.length === 0) problems.push('manifest.json: bots is empty; the app must declare the bot');
  bots.forEach((bot, i) => {
    if (bot.botId !== expected.botId) {
      problems.push(
        `manifest.json: bots[${i}].botId is ${String(bot.botId)} but MicrosoftAppId is ${expected.botId}; ` +
          'Teams would send messages to another bot registration (use ${{BOT_ID}} in manifest/manifest.json)',
      );
    }
  });
  problems.push(...commandProblems(bots, expected.isCommand));
  problems.push(...extensionBotProblems(manifest, expected.botId));
  problems.push(...iconProblems(manifest, files));
  for (const file of localizationFiles(manifest)) {
    problems.push(...(await localizationProblems(file, files, bots, expected.isCommand)));
  }
  return problems;
}

function parseJson(file: string, files: ReadonlyMap<string, Buffer>): Json | string {
  const content = files.get(file);
  if (!content) return `${file}: missing from the package`;
  try {
    return JSON.parse(content.toString('utf8')) as Json;
  } catch (error) {
    return `${file}: not valid JSON (${(error as Error).message})`;
  }
}

/** The bundled copy of a Teams schema; any other $schema would need the network. */
function bundledSchema(url: string): string | undefined {
  const match = SCHEMA_URL.exec(url);
  if (!match) return undefined;
  const path = join(dirname(require.resolve('@microsoft/app-manifest/package.json')), 'build', 'json-schemas', 'teams', match[1], match[2]);
  return existsSync(path) ? path : undefined;
}

async function schemaProblems(file: string, json: Json): Promise<string[]> {
  const url = json.$schema;
  if (typeof url !== 'string') return [`${file}: $schema is missing, so the file cannot be checked against a Teams schema`];
  if (!bundledSchema(url)) {
    return [`${file}: $schema ${url} is not a Teams schema bundled with @microsoft/app-manifest, so it cannot be checked offline`];
  }
  const schema = repairPatterns(await AppManifestUtils.fetchSchema(url));
  const errors = await AppManifestUtils.validateAgainstSchema(json as AppManifest, schema);
  return errors.map((error) => `${file}: ${error.trim()}`);
}

/**
 * The localization schemas have two patterns with an unescaped "]" (MicrosoftDocs/msteams-docs#8858)
 * that ajv refuses to compile; escaping it keeps what they match.
 */
function repairPatterns<T>(schema: T): T {
  const props = (schema as Json).patternProperties as Json | undefined;
  if (!props) return schema;
  const repaired = Object.entries(props).map(([pattern, rule]) => [
    isUnicodeSafe(pattern) ? pattern : pattern.replace(/\\b\]/g, '\\b\\]'),
    rule,
  ]);
  return { ...schema, patternProperties: Object.fromEntries(repaired) };
}

function isUnicodeSafe(pattern: string): boolean {
  try {
    return new RegExp(pattern, 'u') instanceof RegExp;
  } catch {
    return false;
  }
}

function commandsOf(bots: Json[]): { path: string; list: number; index: number; title: unknown }[] {
  const lists = (bots[0]?.commandLists ?? []) as Json[];
  if (!Array.isArray(lists)) return [];
  return lists.flatMap((list, l) =>
    (Array.isArray(list.commands) ? (list.commands as Json[]) : []).map((command, c) => ({
      path: `bots[0].commandLists[${l}].commands[${c}]`,
      list: l,
      index: c,
      title: command.title,
    })),
  );
}

function unhandled(title: unknown, isCommand: (title: string) => boolean): boolean {
  return typeof title !== 'string' || !isCommand(title);
}

/** Teams sends a command's title as the message text: a title the bot does not know goes unanswered. */
function commandProblems(bots: Json[], isCommand: (title: string) => boolean): string[] {
  return commandsOf(bots)
    .filter((command) => unhandled(command.title, isCommand))
    .map(
      (command) =>
        `manifest.json: ${command.path}.title "${String(command.title)}" is not a command the bot handles ` +
        '(src/dialogs/text-commands.ts lists those it handles)',
    );
}

/** A message extension's invokes go to the bot it names: the same registration as the bot's. */
function extensionBotProblems(manifest: Json, botId: string): string[] {
  const extensions = Array.isArray(manifest.composeExtensions) ? (manifest.composeExtensions as Json[]) : [];
  return extensions
    .map((extension, i) => ({ i, id: extension.botId }))
    .filter((extension) => extension.id !== undefined && extension.id !== botId)
    .map(
      ({ i, id }) =>
        `manifest.json: composeExtensions[${i}].botId is ${String(id)} but MicrosoftAppId is ${botId}; ` +
        'Teams would send its invokes to another bot registration (use ${{BOT_ID}} in manifest/manifest.json)',
    );
}

function iconProblems(manifest: Json, files: ReadonlyMap<string, Buffer>): string[] {
  const icons = (manifest.icons ?? {}) as Json;
  return (['color', 'outline'] as const).flatMap((kind) => {
    const file = icons[kind];
    if (typeof file !== 'string') return [];
    const png = files.get(file);
    return png ? checkIcon(file, png, kind) : [`manifest.json: icons.${kind} refers to ${file}, which is not in manifest/`];
  });
}

/** The language files a manifest refers to. */
export function localizationFiles(manifest: Json): string[] {
  const info = (manifest.localizationInfo ?? {}) as Json;
  const extra = Array.isArray(info.additionalLanguages) ? (info.additionalLanguages as Json[]).map((l) => l.file) : [];
  return [info.defaultLanguageFile, ...extra].filter((f): f is string => typeof f === 'string');
}

async function localizationProblems(
  file: string,
  files: ReadonlyMap<string, Buffer>,
  bots: Json[],
  isCommand: (title: string) => boolean,
): Promise<string[]> {
  const json = parseJson(file, files);
  if (typeof json === 'string') return [json];
  const problems = await schemaProblems(file, json);
  const commands = commandsOf(bots);
  for (const [key, value] of Object.entries(json)) {
    const match = COMMAND_KEY.exec(key);
    if (!match) continue;
    const [list, index, field] = [Number(match[1]), Number(match[2]), match[3]];
    if (!commands.some((c) => c.list === list && c.index === index)) {
      problems.push(`${file}: ${key} translates a command that manifest.json does not have`);
    } else if (field === 'title' && unhandled(value, isCommand)) {
      // A translated title is what Teams sends: it must stay a command the bot knows.
      problems.push(
        `${file}: ${key} "${String(value)}" would send a command the bot does not handle (src/dialogs/text-commands.ts lists those it handles)`,
      );
    }
  }
  return problems;
}
