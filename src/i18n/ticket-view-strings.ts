/** Per-viewer ticket cards and response targets: what the requester, support and everyone else read. */
const en = {
  addDetails: 'Add details',
  closeTicket: 'Close the ticket',
  detailsPlaceholder: 'Anything that helps support: what you tried since, a new error…',
  /** `when`: a local date and time, already formatted in this language. */
  firstAnswerBy: (when: string) => `You can expect a first answer by ${when} (working hours of the team).`,
  firstAnswerDue: 'First answer due',
  /** "my tickets" and the card, once an unassigned ticket is past its first-response target. */
  waitingPastTarget: 'Waiting (past target)',
  statusOnly: 'Only the requester and the support team see the details of this ticket.',
  reminder: (id: string, due: string) => `Reminder: ticket ${id} is still unassigned; its first answer was due ${due}.`,
  secondReminder: (id: string, due: string) =>
    `Second reminder: ticket ${id} is still unassigned, twice past its first-response target (due ${due}).`,
};

export type TicketViewStrings = typeof en;

const fr: TicketViewStrings = {
  addDetails: 'Ajouter des précisions',
  closeTicket: 'Clôturer le ticket',
  detailsPlaceholder: "Tout ce qui peut aider le support : ce que vous avez essayé depuis, un nouveau message d'erreur…",
  firstAnswerBy: (when: string) => `Vous devriez recevoir une première réponse d'ici le ${when} (heures ouvrées de l'équipe).`,
  firstAnswerDue: 'Première réponse attendue',
  waitingPastTarget: 'En attente (délai dépassé)',
  statusOnly: "Seuls le demandeur et l'équipe de support voient le détail de ce ticket.",
  reminder: (id: string, due: string) =>
    `Rappel : le ticket ${id} n'est toujours pas pris en charge ; la première réponse était attendue le ${due}.`,
  secondReminder: (id: string, due: string) =>
    `Second rappel : le ticket ${id} n'est toujours pas pris en charge et a dépassé deux fois son délai de première réponse ` +
    `(attendue le ${due}).`,
};

export const TICKET_VIEW_STRINGS = { en, fr };
