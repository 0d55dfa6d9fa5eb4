import type { PackageConfig } from '../../src/config/package-config';

const PLACEHOLDER = /\$\{\{\s*([A-Za-z0-9_]+)\s*\}\}/g;

/** What each `${{NAME}}` of the templates in manifest/ becomes. */
export function placeholderValues(config: PackageConfig): Record<string, string> {
  return {
    APP_ID: config.appId,
    BOT_ID: config.botId,
    BOT_DOMAIN: config.botDomain,
    APP_VERSION: config.version,
    APP_NAME_SHORT: config.nameShort,
    APP_NAME_FULL: config.nameFull,
    APP_DEVELOPER_NAME: config.developerName,
    APP_WEBSITE_URL: config.websiteUrl,
    APP_PRIVACY_URL: config.privacyUrl,
    APP_TERMS_URL: config.termsUrl,
  };
}

/**
 * Fills the placeholders of a JSON template. Values are JSON-escaped, so a quote in a name
 * cannot break the file. A placeholder with no value is reported, never left in the package.
 */
export function fillTemplate(file: string, text: string, values: Record<string, string>): { text: string; problems: string[] } {
  const problems: string[] = [];
  const filled = text.replace(PLACEHOLDER, (whole, name: string) => {
    if (!(name in values)) {
      problems.push(`${file}: unknown placeholder ${whole} (known: ${Object.keys(values).join(', ')})`);
      return whole;
    }
    return JSON.stringify(values[name]).slice(1, -1);
  });
  return { text: filled, problems };
}
