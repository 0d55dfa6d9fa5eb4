import type { Lang } from '../i18n/language';

export interface TeamsCommand {
  /** What Teams sends as the message text when the command is picked; never translated. */
  readonly title: string;
  readonly description: Readonly<Record<Lang, string>>;
}

/**
 * The commands the bot handles by name. The app package lists them in Teams' command menu, and
 * `npm run package` refuses a manifest that lists a command missing from here.
 */
export const TEAMS_COMMANDS = [
  {
    title: 'help',
    description: {
      en: 'Show the menu: college credit, linking a certification profile, support',
      fr: 'Afficher le menu : crédits universitaires, liaison du profil de certification, support',
    },
  },
  {
    title: 'credit',
    description: {
      en: 'College credit for eligible Azure exams, step by step',
      fr: 'Crédits universitaires pour les examens Azure éligibles, étape par étape',
    },
  },
  {
    title: 'link',
    description: {
      en: 'Link your certification profile (MCID) to your partner organization',
      fr: 'Lier votre profil de certification (MCID) à votre organisation partenaire',
    },
  },
  {
    title: 'support',
    description: {
      en: 'Reach Certification Support or open a support ticket',
      fr: 'Contacter le support des certifications Microsoft ou ouvrir un ticket',
    },
  },
  {
    title: 'my tickets',
    description: {
      en: 'See the support tickets you opened and where they stand',
      fr: 'Voir vos tickets de support et leur état',
    },
  },
] as const satisfies readonly TeamsCommand[];

export type TeamsCommandTitle = (typeof TEAMS_COMMANDS)[number]['title'];

/** The command a message names, if any: Teams sends the title, maybe after an @mention was removed. */
export function findTeamsCommand(text: string): TeamsCommandTitle | undefined {
  const wanted = text.trim().replace(/\s+/g, ' ').toLowerCase();
  return TEAMS_COMMANDS.find((c) => c.title === wanted)?.title;
}
