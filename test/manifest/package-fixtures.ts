import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const BOT_ID = '6f1c2a8e-3b4d-4e5f-8a9b-0c1d2e3f4a5b';

/** A complete packaging environment with made-up ids. */
export const validPackageEnv: Record<string, string> = {
  MicrosoftAppId: BOT_ID,
  MicrosoftAppPassword: 'Qx8~a.secret-value_from-the-portal',
  BOT_DOMAIN: 'certbot.contoso.example',
  APP_DEVELOPER_NAME: 'Contoso',
  APP_WEBSITE_URL: 'https://contoso.example/help',
  APP_PRIVACY_URL: 'https://contoso.example/privacy',
  APP_TERMS_URL: 'https://contoso.example/terms',
};

export const MANIFEST_DIR = join(__dirname, '..', '..', 'manifest');

type Json = Record<string, any>;

const copies: string[] = [];

function copyOfTemplate(): string {
  const dir = mkdtempSync(join(tmpdir(), 'manifest-'));
  copies.push(dir);
  cpSync(MANIFEST_DIR, dir, { recursive: true });
  return dir;
}

/** Removes the copies made by editedTemplate() and replacedFile(). */
export function removeTemplateCopies(): void {
  copies.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true }));
}

/** A copy of manifest/ with one JSON file changed, as someone editing the template might. */
export function editedTemplate(file: string, edit: (json: Json) => void): string {
  const dir = copyOfTemplate();
  const json = JSON.parse(readFileSync(join(dir, file), 'utf8')) as Json;
  edit(json);
  writeFileSync(join(dir, file), JSON.stringify(json, null, 2));
  return dir;
}

/** A copy of manifest/ with one file replaced by raw bytes. */
export function replacedFile(file: string, content: Buffer | string): string {
  const dir = copyOfTemplate();
  writeFileSync(join(dir, file), content);
  return dir;
}
