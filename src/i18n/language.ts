export const LANGUAGES = ['en', 'fr'] as const;
export type Lang = (typeof LANGUAGES)[number];

/** Maps a Teams locale such as "fr-CA" or "en-US" to a supported language. */
export function langFromLocale(locale: string | undefined, fallback: Lang = 'en'): Lang {
  if (!locale) return fallback;
  return locale.toLowerCase().startsWith('fr') ? 'fr' : 'en';
}
