import type { Lang } from '../i18n/language';

const LOCALES: Record<Lang, string> = { en: 'en-US', fr: 'fr-FR' };

/**
 * A moment as the reader says it, on their clock: "Monday, November 30 at 12:30 PM GMT+1",
 * "lundi 30 novembre à 12:30 UTC+1". The zone is named, since the reader's and the team's may differ.
 */
export function localDateTime(at: Date, lang: Lang, timeZone: string): string {
  return new Intl.DateTimeFormat(LOCALES[lang], {
    timeZone,
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    hour: 'numeric',
    minute: '2-digit',
    timeZoneName: 'short',
  }).format(at);
}
