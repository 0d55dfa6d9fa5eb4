import type { SupportQueue } from '../knowledge/catalog';
import type { TicketStatus } from '../support/ticket';

/** What the bot says about escalation and tickets, to users and to support people. */
const en = {
  queueNames: { 'certification-support': 'Certification Support', 'microsoft-support': 'Microsoft support' } as Record<
    SupportQueue,
    string
  >,
  /** The queue as a label on its own (lists, facts). */
  queueTitles: { 'certification-support': 'Certification Support', 'microsoft-support': 'Microsoft support' } as Record<
    SupportQueue,
    string
  >,
  statusNames: { open: 'Open', assigned: 'Assigned', resolved: 'Resolved', closed: 'Closed' } as Record<TicketStatus, string>,
  askQueueTitle: 'Which kind of problem is it?',
  askQueuePrompt: 'This decides which team gets your request.',
  queueChoices: {
    'certification-support': 'My certification profile, merging two profiles, a badge, a transcript or the dashboard',
    'microsoft-support': 'A technical problem linking or unlinking in Partner Center, or an association error',
  } as Record<SupportQueue, string>,
  creditApplicationNotice:
    'Credit applications are never handled by Microsoft: you send them to Excelsior yourself. I can prepare the e-mail for you.',
  creditDraftButton: 'Prepare my e-mail to Excelsior',
  formTitle: (queue: string) => `Contact ${queue}`,
  formIntro: 'Tell us what happened. Never type a password or an access code here.',
  formTopic: 'Topic',
  formStep: 'Step',
  fieldDescription: 'What happened? (required)',
  fieldDescriptionPlaceholder: 'What you tried, what you expected, what you saw',
  fieldEmail: 'Contact e-mail',
  fieldMcid: 'Certification profile ID (MCID), optional',
  fieldPartnerId: 'Partner ID / MPN ID, optional',
  fieldError: 'Exact error message, optional',
  formSubmit: 'Send to support',
  formCancel: 'Cancel',
  formHasErrors: 'Some fields need a look before I can send this.',
  errors: {
    description: 'Please describe the problem in at least 10 characters (2,000 at most).',
    email: 'This does not look like an e-mail address.',
    mcid: 'An MCID is a number of 5 to 12 digits.',
    partnerId: 'A Partner ID / MPN ID is a number of 5 to 10 digits.',
    errorMessage: 'Please keep the error message under 1,000 characters.',
  },
  confirmationTitle: (id: string) => `Ticket ${id} created`,
  confirmationIntro: (queue: string) => `Your request went to ${queue}.`,
  confirmationNext:
    'What happens next: a person from the team picks it up. You will get a message here when it is assigned, when they reply and when it is resolved.',
  selfServiceIntro: 'You can also use the official route; paste this summary there:',
  summaryTitle: 'Summary to paste',
  summaryLabels: { ticket: 'Ticket', topic: 'Topic', description: 'Description', error: 'Error', partnerId: 'Partner ID' },
  ticketNotFiled:
    "Sorry, I can't file your ticket right now because the ticket store is unavailable. Nothing was sent; please try again in a few minutes.",
  ticketLimit: (limit: number) =>
    `You have opened ${limit} tickets in the last hour, which is the most I can take. The team has them all; please wait a little before opening another.`,
  myTicketsTitle: 'Your support tickets',
  myTicketsEmpty: 'You have no support tickets.',
  myTicketsMore: (shown: number, total: number) => `Your ${shown} most recent tickets, of ${total}:`,
  openTicketButton: 'Open a ticket',
  stillLimitedButton: 'Still limited after the date? Contact support',
  twoFallbacks: "I still can't answer. Would you like to ask a person from support?",
  offerRetry: 'Please answer yes or no.',
  offerYes: 'Yes, ask a person',
  offerNo: 'No, back to the menu',
  formReasons: {
    unanswered: "I couldn't answer your questions, so I've put them below for the team. Add anything that helps.",
    unsure: "I wasn't sure what you meant, so I've put your question below for the team. Add anything that helps.",
    moved: 'You asked for a person in a group chat; we can go on privately here. Your message is below: add what happened.',
    message: 'The message you picked is below as the description: add what you need from support.',
  },
  confirmationRecorded: (id: string) => `Your request is recorded as ${id}.`,
  confirmationRecordedNext:
    "What happens next: the support team reads recorded requests and will answer you here, in this chat. Type 'my tickets' any time to see where it stands.",
  addToTicketTitle: (id: string) => `Add this to ticket ${id}?`,
  addToTicketPrompt: 'Support is waiting for your answer on this ticket. Should I send them your message?',
  addToTicketYes: 'Yes, send it to support',
  addToTicketNo: 'No, it is a new question',
  answerSent: (id: string) => `Sent: your message is added to ticket ${id}, and the team has it.`,
  answerNotSent: (id: string) => `I couldn't add your message to ticket ${id}. Please try again in a few minutes.`,
  replyHint: "Just reply here and I'll add your answer to the ticket.",
  userAnswered: (id: string, name: string) => `${name} answered on ticket ${id}:`,
  whoami: (id: string, aad: string | undefined) =>
    aad
      ? `Your ids: Teams user id ${id}, Microsoft Entra object id ${aad}. Put one of them (the Entra object id is the one that does not change) in SUPPORT_AGENTS or SUPPORT_ADMINS.`
      : `Your id: ${id}. Put it in SUPPORT_AGENTS or SUPPORT_ADMINS.`,
  notAllowedFor: (id: string) =>
    `Only the support people listed in the bot configuration can do this. Your id (${id}) is not in SUPPORT_AGENTS or SUPPORT_ADMINS; type 'whoami' to see your ids.`,
  languageNames: { en: 'English', fr: 'French' },
  whoamiSentPrivately: "I've sent you your ids in a private message.",
  notifyAssigned: (id: string, name: string) => `Your ticket ${id} was picked up by ${name}.`,
  notifyReply: (id: string, name: string) => `${name} replied on your ticket ${id}:`,
  notifyResolved: (id: string) => `Your ticket ${id} was marked as resolved. Is your problem solved?`,
  solvedYes: 'Yes, close it',
  solvedNo: 'No, reopen it',
  closedThanks: (id: string) => `Thanks! Ticket ${id} is closed.`,
  reopened: (id: string) => `Ticket ${id} is open again; the team has been told.`,
  handoffAccepted: 'An agent has accepted the conversation and will reply here.',
  handoffFailed: (id: string) =>
    `No agent could take the conversation right now. Your ticket ${id} stays open and the team will get back to you here.`,
  handoffCompleted: 'The agent has ended the conversation. I am back: ask me anything.',
  movedToPrivate: "I've sent you a private message to collect the details, so your personal information stays out of this chat.",
  secretWarning:
    "It looks like you pasted a password or an access code. I never need those: I've hidden it, and please change it if it was real.",
  // Support side
  ticketCardTitle: (id: string) => `Ticket ${id}`,
  labels: {
    queue: 'Queue',
    user: 'User',
    assignee: 'Assigned to',
    fromUser: 'User',
    fromBot: 'Bot',
    language: 'Language',
    email: 'E-mail',
    mcid: 'MCID',
    partnerId: 'Partner ID',
    error: 'Error message',
    agentReply: 'Reply',
    userMessage: 'Answer from the user',
  },
  assignToMe: 'Assign to me',
  resolve: 'Resolve',
  replyToUser: 'Reply to the user',
  replyPlaceholder: 'Your reply to the user',
  historyTitle: 'History',
  historyEarlier: (n: number) => (n === 1 ? 'and 1 earlier event' : `and ${n} earlier events`),
  transcriptTitle: 'Last messages',
  notAllowed: 'Only the support people listed in the bot configuration can do this.',
  channelRegistered: (queue: string) => `This channel now receives the tickets for ${queue}.`,
  replyEmpty: 'Type a reply before sending it.',
};

export type SupportStrings = typeof en;

const fr: SupportStrings = {
  queueNames: { 'certification-support': 'le support des certifications Microsoft', 'microsoft-support': 'le support Microsoft' },
  queueTitles: { 'certification-support': 'Support des certifications Microsoft', 'microsoft-support': 'Support Microsoft' },
  statusNames: { open: 'Ouvert', assigned: 'Pris en charge', resolved: 'Résolu', closed: 'Clôturé' },
  askQueueTitle: "De quel type de problème s'agit-il ?",
  askQueuePrompt: "Votre réponse détermine l'équipe qui recevra votre demande.",
  queueChoices: {
    'certification-support': 'Mon profil de certification, la fusion de deux profils, un badge, un relevé de notes ou le tableau de bord',
    'microsoft-support': "Un problème technique pour lier ou dissocier mon profil dans l'Espace partenaires, ou une erreur d'association",
  },
  creditApplicationNotice:
    "Les demandes de crédits ne sont jamais traitées par Microsoft : c'est vous qui les envoyez à Excelsior. Je peux vous préparer l'e-mail.",
  creditDraftButton: 'Préparer mon e-mail pour Excelsior',
  formTitle: (queue: string) => `Contacter ${queue}`,
  formIntro: "Décrivez ce qui s'est passé. Ne saisissez jamais de mot de passe ni de code d'accès ici.",
  formTopic: 'Sujet',
  formStep: 'Étape',
  fieldDescription: "Que s'est-il passé ? (obligatoire)",
  fieldDescriptionPlaceholder: "Ce que vous avez essayé, ce que vous attendiez, ce qui s'est produit",
  fieldEmail: 'Adresse e-mail de contact',
  fieldMcid: 'ID de profil de certification (MCID), facultatif',
  fieldPartnerId: 'ID partenaire / ID MPN, facultatif',
  fieldError: "Message d'erreur exact, facultatif",
  formSubmit: 'Envoyer au support',
  formCancel: 'Annuler',
  formHasErrors: "Certains champs sont à vérifier avant l'envoi.",
  errors: {
    description: 'Veuillez décrire le problème en 10 caractères minimum (2 000 maximum).',
    email: 'Cette adresse e-mail ne semble pas valide.',
    mcid: 'Un MCID est un nombre de 5 à 12 chiffres.',
    partnerId: 'Un ID partenaire / ID MPN est un nombre de 5 à 10 chiffres.',
    errorMessage: "Le message d'erreur doit faire moins de 1 000 caractères.",
  },
  confirmationTitle: (id: string) => `Ticket ${id} créé`,
  confirmationIntro: (queue: string) => `Votre demande a été transmise : c'est ${queue} qui la traitera.`,
  confirmationNext:
    "Prochaine étape : un membre de l'équipe va prendre en charge votre demande. Vous recevrez un message ici lorsqu'elle sera attribuée, à chaque réponse et lorsqu'elle sera résolue.",
  selfServiceIntro: 'Vous pouvez aussi passer par le canal officiel ; collez-y ce résumé :',
  summaryTitle: 'Résumé à coller',
  summaryLabels: { ticket: 'Ticket', topic: 'Sujet', description: 'Description', error: 'Erreur', partnerId: 'ID partenaire' },
  ticketNotFiled:
    "Désolé, je ne peux pas enregistrer votre ticket pour le moment : le stockage des tickets est indisponible. Rien n'a été envoyé ; réessayez dans quelques minutes.",
  ticketLimit: (limit: number) =>
    `Vous avez ouvert ${limit} tickets au cours de la dernière heure, soit le maximum que je peux accepter. L'équipe les a tous reçus ; patientez un peu avant d'en ouvrir un autre.`,
  myTicketsTitle: 'Vos tickets de support',
  myTicketsEmpty: "Vous n'avez aucun ticket de support.",
  myTicketsMore: (shown: number, total: number) => `Vos ${shown} tickets les plus récents, sur ${total} :`,
  openTicketButton: 'Ouvrir un ticket',
  stillLimitedButton: 'Toujours limité après la date ? Contacter le support',
  twoFallbacks: 'Je ne parviens toujours pas à répondre. Souhaitez-vous poser la question à un membre du support ?',
  offerRetry: 'Merci de répondre par oui ou par non.',
  offerYes: 'Oui, demander à un membre du support',
  offerNo: 'Non, revenir au menu',
  formReasons: {
    unanswered: "Je n'ai pas pu répondre à vos questions : je les ai reprises ci-dessous pour l'équipe. Ajoutez tout ce qui peut l'aider.",
    unsure:
      "Je n'étais pas sûr d'avoir compris votre question : je l'ai reprise ci-dessous pour l'équipe. Ajoutez tout ce qui peut l'aider.",
    moved:
      "Vous avez demandé à parler à une personne dans une conversation de groupe ; nous continuons ici, en privé. Votre message est repris ci-dessous : précisez ce qui s'est passé.",
    message: 'Le message choisi est repris ci-dessous comme description : précisez ce que vous attendez du support.',
  },
  confirmationRecorded: (id: string) => `Votre demande est enregistrée sous le numéro ${id}.`,
  confirmationRecordedNext:
    "Prochaine étape : l'équipe de support consulte les demandes enregistrées et vous répondra ici, dans cette conversation. Tapez « mes tickets » à tout moment pour suivre son avancement.",
  addToTicketTitle: (id: string) => `Ajouter ce message au ticket ${id} ?`,
  addToTicketPrompt: 'Le support attend votre réponse sur ce ticket. Voulez-vous que je lui transmette votre message ?',
  addToTicketYes: 'Oui, le transmettre au support',
  addToTicketNo: "Non, c'est une nouvelle question",
  answerSent: (id: string) => `Message envoyé : il a été ajouté au ticket ${id}, et l'équipe l'a bien reçu.`,
  answerNotSent: (id: string) => `Je n'ai pas pu ajouter votre message au ticket ${id}. Réessayez dans quelques minutes.`,
  replyHint: "Répondez simplement ici : j'ajouterai votre réponse au ticket.",
  userAnswered: (id: string, name: string) => `${name} a répondu dans le ticket ${id} :`,
  whoami: (id: string, aad: string | undefined) =>
    aad
      ? `Vos identifiants : ID utilisateur Teams ${id}, ID d'objet Microsoft Entra ${aad}. Ajoutez l'un des deux (l'ID d'objet Entra est celui qui ne change pas) à SUPPORT_AGENTS ou à SUPPORT_ADMINS.`
      : `Votre identifiant : ${id}. Ajoutez-le à SUPPORT_AGENTS ou à SUPPORT_ADMINS.`,
  notAllowedFor: (id: string) =>
    `Seules les personnes du support déclarées dans la configuration du bot peuvent faire cela. Votre identifiant (${id}) ne figure ni dans SUPPORT_AGENTS ni dans SUPPORT_ADMINS ; tapez « whoami » pour afficher vos identifiants.`,
  languageNames: { en: 'anglais', fr: 'français' },
  whoamiSentPrivately: 'Je vous ai envoyé vos identifiants en message privé.',
  notifyAssigned: (id: string, name: string) => `Votre ticket ${id} a été pris en charge par ${name}.`,
  notifyReply: (id: string, name: string) => `${name} a répondu à votre ticket ${id} :`,
  notifyResolved: (id: string) => `Votre ticket ${id} a été marqué comme résolu. Votre problème est-il réglé ?`,
  solvedYes: 'Oui, le clôturer',
  solvedNo: 'Non, le rouvrir',
  closedThanks: (id: string) => `Merci ! Le ticket ${id} est clôturé.`,
  reopened: (id: string) => `Le ticket ${id} est rouvert ; l'équipe a été prévenue.`,
  handoffAccepted: 'Un conseiller a accepté la conversation et va vous répondre ici.',
  handoffFailed: (id: string) =>
    `Aucun conseiller n'a pu prendre la conversation en charge pour le moment. Votre ticket ${id} reste ouvert et l'équipe vous répondra ici.`,
  handoffCompleted: 'Le conseiller a terminé la conversation. Je reprends la main : posez-moi vos questions.',
  movedToPrivate:
    'Je vous ai écrit en message privé pour recueillir les détails : vos informations personnelles restent hors de cette conversation.',
  secretWarning:
    "Vous semblez avoir collé un mot de passe ou un code d'accès. Je n'en ai jamais besoin : je l'ai masqué. S'il s'agit d'un vrai mot de passe ou code, pensez à le changer.",
  ticketCardTitle: (id: string) => `Ticket ${id}`,
  labels: {
    queue: "File d'attente",
    user: 'Utilisateur',
    assignee: 'Pris en charge par',
    fromUser: 'Utilisateur',
    fromBot: 'Bot',
    language: 'Langue',
    email: 'E-mail',
    mcid: 'MCID',
    partnerId: 'ID partenaire',
    error: "Message d'erreur",
    agentReply: 'Réponse',
    userMessage: "Réponse de l'utilisateur",
  },
  assignToMe: "Je m'en occupe",
  resolve: 'Marquer comme résolu',
  replyToUser: "Répondre à l'utilisateur",
  replyPlaceholder: "Votre réponse à l'utilisateur",
  historyTitle: 'Historique',
  historyEarlier: (n: number) => (n === 1 ? 'et 1 événement plus ancien' : `et ${n} événements plus anciens`),
  transcriptTitle: 'Derniers messages',
  notAllowed: 'Seules les personnes du support déclarées dans la configuration du bot peuvent faire cela.',
  channelRegistered: (queue: string) => `Ce canal reçoit désormais les tickets pour ${queue}.`,
  replyEmpty: "Saisissez une réponse avant de l'envoyer.",
};

export const SUPPORT_STRINGS = { en, fr };
