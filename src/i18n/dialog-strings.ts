/** What the "Ask support about this message" dialog says (message extension and Teams dialog). */
const en = {
  dialogTitle: 'Ask support about this message',
  messageCut: (max: string) => `The message was long: only its first ${max} characters are below.`,
  secretMasked: 'The message held what looks like a password or an access code: it is masked below. Change it if it was real.',
  sent: (id: string, queue: string) => `Ticket ${id} went to ${queue}. The confirmation is in your chat with me, where you will hear back.`,
  recorded: (id: string) => `Your request is recorded as ${id}. The confirmation is in your chat with me, where the team will answer you.`,
  privateChatUnavailable: "I couldn't reach our private chat to file this ticket, so nothing was sent. Please try again in a moment.",
  unknownCommand: "This action isn't one I know. Update the app, or ask me in our chat.",
};

export type DialogStrings = typeof en;

const fr: DialogStrings = {
  dialogTitle: 'Demander au support à propos de ce message',
  messageCut: (max: string) => `Le message étant long, seuls ses ${max} premiers caractères sont repris ci-dessous.`,
  secretMasked:
    "Le message contenait ce qui ressemble à un mot de passe ou à un code d'accès : il est masqué ci-dessous. S'il est réel, pensez à le changer.",
  sent: (id: string, queue: string) =>
    `Votre ticket ${id} a été transmis : c'est ${queue} qui le traitera. Vous trouverez la confirmation dans notre conversation privée, où l'équipe vous répondra.`,
  recorded: (id: string) =>
    `Votre demande est enregistrée sous le numéro ${id}. Vous trouverez la confirmation dans notre conversation privée, où l'équipe vous répondra.`,
  privateChatUnavailable:
    "Je n'ai pas pu joindre notre conversation privée pour enregistrer ce ticket : rien n'a été envoyé. Veuillez réessayer dans un instant.",
  unknownCommand: "Je ne connais pas cette action. Mettez l'application à jour ou posez-moi la question dans notre conversation.",
};

export const DIALOG_STRINGS = { en, fr };
