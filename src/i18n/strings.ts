import type { LinkingSituation } from '../knowledge/catalog';
import type { Lang } from './language';
import { INSIGHTS_STRINGS } from './insights-strings';
import { DIALOG_STRINGS } from './dialog-strings';
import { SUPPORT_STRINGS } from './support-strings';
import { TICKET_VIEW_STRINGS } from './ticket-view-strings';

/** Microsoft's page on today's routes to college credit (ACE, a shared Microsoft Learn transcript). */
export const COLLEGE_CREDIT_URL = 'https://learn.microsoft.com/credentials/certifications/college-credit';

const EN_MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const FR_MONTHS = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];

/** "2020-08" → "August 2020": content dates are year and month (the sources give no more). */
function monthYear(months: readonly string[], date: string): string {
  const [year, month] = date.split('-');
  return `${months[Number(month) - 1] ?? month} ${year}`;
}

/** Every sentence the bot says outside the topic content, per language. Tests import these. */
const en = {
  welcomeTitle: 'Hi! I answer questions about your Microsoft certifications',
  welcomeIntro:
    'I can help you with college credit for Azure exams on the NCCRS list through Excelsior University (formerly Excelsior College), link your certification profile (MCID) to your partner organization in Partner Center, and reach the right support team when you need a person.',
  menuPrompt: 'Pick a subject, or just type your question.',
  menuTitle: 'What would you like to know?',
  switchLanguage: 'Français',
  languageSwitched: "Sure, I'll answer in English from now on, whatever language you write in. Press the language button again to change.",
  smallTalk: {
    thanks: "You're welcome! Ask me anything else whenever you need.",
    acknowledge: "Good. I'm here if you have another question.",
    goodbye: 'Goodbye, and good luck with your certifications! Come back any time.',
  },
  backToMenu: 'Back to menu',
  contactSupport: 'Contact support',
  areaPrompt: 'Pick a question:',
  creditFlowButton: 'Check my exam, step by step',
  linkingFlowButton: 'Tell me your situation',
  seeAlsoTitle: 'Not quite what you asked? See also:',
  relatedTitle: 'You might also want to know',
  linksTitle: 'Useful links',
  helpfulQuestion: 'Was this helpful?',
  yes: 'Yes',
  no: 'No',
  feedbackThanks: 'Thanks for your feedback!',
  feedbackSorry: "Sorry that didn't help. Try rephrasing your question, or contact support and a person will look at it.",
  didYouMeanTitle: 'Did you mean…',
  didYouMeanPrompt: "I'm not sure I understood. Is it one of these?",
  noneOfThese: 'None of these: contact support',
  fallbackTitle: "Sorry, I can't answer that one",
  fallbackIntro:
    'I only know about college credit for Microsoft exams and about linking a certification profile to a partner organization. Try other words, pick a subject below, or contact support.',
  cancelled: 'No problem, I stopped there. Here is the menu.',
  resumeFlow: 'Now, back to where we were:',
  staleButton: "That button belongs to an older message. Here's the menu so you can pick again.",
  askExamTitle: 'Which exam did you pass?',
  askExamPrompt: 'Pick it from the list, or type its code (for example AZ-103).',
  examPlaceholder: 'Choose an exam',
  examCheck: 'Check',
  examRetry: "I couldn't find an exam code there. Type it like AZ-103, or pick one from the list.",
  // The list's date is part of every verdict: the list is from August 2020 (test/knowledge checks it against the content).
  examEligible: (code: string, name: string) => `Yes: ${code} (${name}) is on the NCCRS list of August 2020.`,
  examNotEligible: (code: string) => `${code} is not on the NCCRS list of August 2020.`,
  examEligibleDetail: (retired: boolean) =>
    "Credit on this list goes through Excelsior University (formerly Excelsior College). The recommendation applies to exams passed within the dates NCCRS set, and the final decision is Excelsior's." +
    (retired ? ' Microsoft has since retired this exam.' : ''),
  examNotEligibleDetail: `That list is not the only way to college credit. [Microsoft's college-credit page](${COLLEGE_CREDIT_URL}) describes today's routes, such as ACE credit recommendations and sending your school a verifiable link to your Microsoft Learn transcript.`,
  eligibleListTitle: 'The exams on the NCCRS list of August 2020',
  sourceDate: (date: string) => monthYear(EN_MONTHS, date),
  sourceLine: (title: string, date: string) => `Source: ${title}, ${monthYear(EN_MONTHS, date)}.`,
  currentPage: (url: string) => ` [Today's official page](${url}).`,
  stepsDated: (date: string) =>
    `These steps describe the screens as they were in ${monthYear(EN_MONTHS, date)}; today's may look different (see the official page linked at the bottom).`,
  askVerify: 'How would you like to prove your certification to Excelsior?',
  verifyBadge: 'Share my badge',
  verifyTranscript: 'Share my transcript',
  checkAnotherExam: 'Check another exam',
  emailTitle: 'Your e-mail to Excelsior, ready to send',
  emailIntro:
    'It goes to itcertifications@excelsior.edu, the address the source gives for verifying your certification (your badge or your transcript). Open it in your mail app, fill in what is missing, and send it.',
  emailTo: 'To',
  emailSubjectLabel: 'Subject',
  emailOpen: 'Open in my mail app',
  emailReminder:
    'Do not send the application or the e-mail to Microsoft. Your credit application also goes to Excelsior: the source links the form but gives no address for it, so use the one on the form or ask Excelsior.',
  emailSubject: (code: string) => `Verification of my Microsoft certification for college credit: exam ${code}`,
  emailBody: (code: string, method: 'badge' | 'transcript') =>
    [
      'Hello,',
      '',
      `I am requesting college credit for the Microsoft certification exam ${code}. To verify my certification:`,
      ...(method === 'badge'
        ? ['- I have shared my Microsoft badge for this exam with itcertifications@excelsior.edu.']
        : ['- Transcript ID: …', '- Access Code: …', '- Transcript Viewing Page URL: …']),
      '',
      'My credit application is sent to Excelsior separately.',
      '',
      'Thank you,',
    ].join('\n'),
  askSituationTitle: "What's your situation?",
  askSituationPrompt: 'Pick the one that fits best, or describe it in your own words.',
  situationRetry: "I didn't recognise the situation. Pick one of the options, or type 'menu' to leave.",
  situations: {
    'link-how': 'I want to link my profile for the first time',
    'change-company': "I'm moving to another company",
    'left-company': 'Someone has left the company',
    unlink: 'I want to unlink my profile',
    'admin-no-response': "I'm an admin and the user never answered",
    'association-limit': 'I got an "association limited" message',
    'skills-report-delay': "My exams don't show in the skills report",
  } satisfies Record<LinkingSituation, string>,
  turnError: (reference: string) =>
    `Sorry, something went wrong on my side and I couldn't finish that. Please try again. If it keeps happening, quote this reference to support: ${reference}.`,
  invalidAction: "I couldn't read what that button sent. Here's the menu so you can try again.",
  rateLimited: "You're sending messages faster than I can answer them. Please wait a minute, then ask again.",
  messageTooLong: (max: string) =>
    `That message is too long for me to read (over ${max} characters). Please ask your question in a few sentences; support can take the details later.`,
  forgetTitle: 'Delete what I keep about you?',
  forgetPrompt:
    'This deletes your language choice and our recent messages, and removes your name, e-mail, IDs and messages from your support tickets (the tickets themselves stay, so support can close them). This cannot be undone.',
  forgetYes: 'Yes, delete it',
  forgetNo: 'No, keep it',
  forgotten: 'Done: I have deleted what I kept about you.',
  forgetKept: 'OK, nothing was deleted.',
  groupIntro:
    'Hi everyone! I answer questions about college credit for Microsoft exams and about linking a certification profile (MCID) to a partner organization. Mention me with your question, for example: @Certification help is AZ-103 eligible for credit?',
  search: {
    sharedNote: 'Shared answer. To ask your own question, open a chat with this app.',
    noAnswer: (query: string) => `No answer matches "${query}". Try other words, such as "unlink" or "AZ-104".`,
    ticketsNotAllowed: 'Only the support team listed in the bot configuration can search tickets.',
    noTicket: (query: string) => `No ticket matches "${query}".`,
    noOpenTicket: 'No open tickets, and none assigned to you.',
    ticketGone: (id: string) => `Ticket ${id} no longer exists.`,
    tooFast: 'Too many searches in a minute. Wait a moment, then search again.',
  },
};

export type Strings = typeof en;

const fr: Strings = {
  welcomeTitle: 'Bonjour ! Je réponds à vos questions sur vos certifications Microsoft',
  welcomeIntro:
    "Je peux vous renseigner sur les crédits universitaires accordés par Excelsior University (anciennement Excelsior College) pour les examens Azure de la liste NCCRS, vous aider à lier votre profil de certification (MCID) à votre organisation partenaire dans l'Espace partenaires, et à contacter la bonne équipe de support si vous avez besoin de parler à quelqu'un.",
  menuPrompt: 'Choisissez un sujet, ou posez directement votre question.',
  menuTitle: 'Que souhaitez-vous savoir ?',
  switchLanguage: 'English',
  languageSwitched:
    'Entendu, je vous réponds désormais en français, quelle que soit la langue dans laquelle vous écrivez. Appuyez de nouveau sur le bouton de langue pour en changer.',
  smallTalk: {
    thanks: "Avec plaisir ! N'hésitez pas si vous avez une autre question.",
    acknowledge: 'Très bien. Je reste à votre disposition pour toute autre question.',
    goodbye: 'Au revoir, et bonne chance pour vos certifications ! Revenez quand vous le souhaitez.',
  },
  backToMenu: 'Retour au menu',
  contactSupport: 'Contacter le support',
  areaPrompt: 'Choisissez une question :',
  creditFlowButton: 'Vérifier mon examen, étape par étape',
  linkingFlowButton: 'Décrire ma situation',
  seeAlsoTitle: "Ce n'est pas exactement votre question ? Voir aussi :",
  relatedTitle: 'Ces questions peuvent aussi vous intéresser',
  linksTitle: 'Liens utiles',
  helpfulQuestion: 'Cette réponse vous a-t-elle été utile ?',
  yes: 'Oui',
  no: 'Non',
  feedbackThanks: 'Merci pour votre retour !',
  feedbackSorry:
    "Désolé de ne pas avoir pu vous aider. Essayez de reformuler votre question, ou contactez le support : un membre de l'équipe l'examinera.",
  didYouMeanTitle: 'Vouliez-vous dire…',
  didYouMeanPrompt: "Je ne suis pas sûr d'avoir compris. S'agit-il de l'une de ces questions ?",
  noneOfThese: 'Aucune : contacter le support',
  fallbackTitle: 'Désolé, je ne sais pas répondre à cette question',
  fallbackIntro:
    "Je ne peux répondre qu'aux questions sur les crédits universitaires pour les examens Microsoft et sur la liaison d'un profil de certification à une organisation partenaire. Essayez d'autres mots, choisissez un sujet ci-dessous ou contactez le support.",
  cancelled: "Entendu, j'arrête là. Voici le menu.",
  resumeFlow: 'Reprenons où nous en étions :',
  staleButton: "Ce bouton provient d'un ancien message. Voici le menu pour refaire votre choix.",
  askExamTitle: 'Quel examen avez-vous réussi ?',
  askExamPrompt: 'Choisissez-le dans la liste ou saisissez son code (par exemple AZ-103).',
  examPlaceholder: 'Choisir un examen',
  examCheck: 'Vérifier',
  examRetry:
    "Je n'ai pas trouvé de code d'examen dans votre message. Saisissez-le sous la forme AZ-103, ou choisissez l'examen dans la liste.",
  examEligible: (code: string, name: string) => `Oui : l'examen ${code} (${name}) figure sur la liste NCCRS d'août 2020.`,
  examNotEligible: (code: string) => `L'examen ${code} ne figure pas sur la liste NCCRS d'août 2020.`,
  examEligibleDetail: (retired: boolean) =>
    "Les crédits de cette liste sont accordés par Excelsior University (anciennement Excelsior College). La recommandation s'applique aux examens réussis entre les dates fixées par le NCCRS, et la décision finale revient à Excelsior." +
    (retired ? ' Microsoft a depuis retiré cet examen.' : ''),
  examNotEligibleDetail: `Cette liste n'est pas le seul moyen d'obtenir des crédits universitaires. La [page de Microsoft sur les crédits universitaires](${COLLEGE_CREDIT_URL}) présente les démarches actuelles, notamment les recommandations de crédits de l'ACE et l'envoi à votre établissement d'un lien vérifiable vers votre relevé de notes Microsoft Learn.`,
  eligibleListTitle: "Les examens de la liste NCCRS d'août 2020",
  sourceDate: (date: string) => monthYear(FR_MONTHS, date),
  sourceLine: (title: string, date: string) => `Source : ${title}, ${monthYear(FR_MONTHS, date)}.`,
  currentPage: (url: string) => ` [Page officielle actuelle](${url}).`,
  stepsDated: (date: string) =>
    `Ces étapes décrivent les écrans tels qu'ils étaient en ${monthYear(FR_MONTHS, date)} ; ils ont pu changer depuis (voir la page officielle dont le lien figure en bas de cette réponse).`,
  askVerify: "Comment souhaitez-vous justifier votre certification auprès d'Excelsior ?",
  verifyBadge: 'Partager mon badge',
  verifyTranscript: 'Partager mon relevé de notes',
  checkAnotherExam: 'Vérifier un autre examen',
  emailTitle: 'Votre e-mail à Excelsior, prêt à être envoyé',
  emailIntro:
    "Il est adressé à itcertifications@excelsior.edu, l'adresse indiquée par la source pour la vérification de votre certification (badge ou relevé de notes). Ouvrez-le dans votre messagerie, complétez les informations manquantes, puis envoyez-le.",
  emailTo: 'À',
  emailSubjectLabel: 'Objet',
  emailOpen: 'Ouvrir dans ma messagerie',
  emailReminder:
    "N'envoyez ni le formulaire de demande ni l'e-mail à Microsoft. Votre formulaire de demande de crédits est lui aussi destiné à Excelsior : la source renvoie au formulaire sans donner d'adresse ; utilisez donc celle qui figure sur le formulaire, ou renseignez-vous auprès d'Excelsior.",
  emailSubject: (code: string) => `Vérification de ma certification Microsoft pour des crédits universitaires : examen ${code}`,
  emailBody: (code: string, method: 'badge' | 'transcript') =>
    [
      'Bonjour,',
      '',
      `Je demande des crédits universitaires pour l'examen de certification Microsoft ${code}. Pour vérifier ma certification :`,
      ...(method === 'badge'
        ? ["- J'ai partagé mon badge Microsoft pour cet examen avec itcertifications@excelsior.edu."]
        : [
            '- Transcript ID / ID du relevé de notes : …',
            "- Access Code / Code d'accès : …",
            '- Transcript Viewing Page URL / URL de la page de visualisation du relevé de notes : …',
          ]),
      '',
      'Je vous adresse séparément mon formulaire de demande de crédits.',
      '',
      'Cordialement,',
    ].join('\n'),
  askSituationTitle: 'Quelle est votre situation ?',
  askSituationPrompt: 'Choisissez celle qui correspond le mieux à votre cas, ou décrivez-la avec vos propres mots.',
  situationRetry: "Je n'ai pas reconnu votre situation. Choisissez une option, ou tapez « menu » pour sortir.",
  situations: {
    'link-how': 'Je veux lier mon profil pour la première fois',
    'change-company': 'Je change de société',
    'left-company': "Quelqu'un a quitté la société",
    unlink: 'Je veux dissocier mon profil',
    'admin-no-response': "Je suis administrateur et l'utilisateur n'a jamais répondu",
    'association-limit': "J'ai reçu un message « association limitée »",
    'skills-report-delay': "Mes examens n'apparaissent pas dans le rapport des qualifications",
  },
  turnError: (reference: string) =>
    `Désolé, un problème est survenu de mon côté et je n'ai pas pu terminer. Veuillez réessayer. Si le problème persiste, communiquez cette référence au support : ${reference}.`,
  invalidAction: "Je n'ai pas pu lire ce que ce bouton a envoyé. Voici le menu pour réessayer.",
  rateLimited:
    "Vous m'envoyez des messages plus vite que je ne peux y répondre. Merci de patienter une minute avant de reposer votre question.",
  messageTooLong: (max: string) =>
    `Ce message est trop long pour que je puisse le lire (plus de ${max} caractères). Posez votre question en quelques phrases : vous pourrez donner les détails au support ensuite.`,
  forgetTitle: 'Supprimer les données que je conserve à votre sujet ?',
  forgetPrompt:
    'Cela supprime votre choix de langue et nos derniers échanges, et retire de vos tickets de support votre nom, votre adresse e-mail, vos identifiants et vos messages (les tickets eux-mêmes sont conservés pour que le support puisse les clôturer). Cette action est irréversible.',
  forgetYes: 'Oui, tout supprimer',
  forgetNo: 'Non, les conserver',
  forgotten: "C'est fait : j'ai supprimé les données que je conservais à votre sujet.",
  forgetKept: "Entendu, rien n'a été supprimé.",
  groupIntro:
    "Bonjour à tous ! Je réponds aux questions sur les crédits universitaires pour les examens Microsoft et sur la liaison d'un profil de certification (MCID) à une organisation partenaire. Mentionnez-moi avec votre question, par exemple : @Certification help l'AZ-103 donne-t-il droit à des crédits ?",
  search: {
    sharedNote: 'Réponse partagée. Pour poser votre propre question, ouvrez une conversation avec cette application.',
    noAnswer: (query: string) =>
      `Aucune réponse ne correspond à « ${query} ». Essayez d'autres mots, par exemple « délier » ou « AZ-104 ».`,
    ticketsNotAllowed: "Seule l'équipe de support déclarée dans la configuration du bot peut rechercher des tickets.",
    noTicket: (query: string) => `Aucun ticket ne correspond à « ${query} ».`,
    noOpenTicket: 'Aucun ticket ouvert, et aucun ne vous est attribué.',
    ticketGone: (id: string) => `Le ticket ${id} n'existe plus.`,
    tooFast: 'Trop de recherches en une minute. Patientez un instant, puis relancez votre recherche.',
  },
};

const STRINGS = {
  en: { ...en, support: { ...SUPPORT_STRINGS.en, ...TICKET_VIEW_STRINGS.en }, insights: INSIGHTS_STRINGS.en, dialog: DIALOG_STRINGS.en },
  fr: { ...fr, support: { ...SUPPORT_STRINGS.fr, ...TICKET_VIEW_STRINGS.fr }, insights: INSIGHTS_STRINGS.fr, dialog: DIALOG_STRINGS.fr },
};

export type AllStrings = (typeof STRINGS)['en'];

export function strings(lang: Lang): AllStrings {
  return STRINGS[lang];
}
