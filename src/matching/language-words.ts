/**
 * The word lists the language detector weighs, folded (no accents), lower case. A word belongs to
 * one language only: "a", "on", "me", "job", "support" are both and so are left out.
 */

// Words English speakers never write and French speakers always do: grammar, everyday verbs,
// chat forms without the apostrophe ("jai", "cest"), and Canadian French usage.
const FRENCH_FUNCTION =
  'le la les un une des du de et au aux dans sur pour par avec sans est sont suis je tu il elle nous vous ils elles mon ma mes ton ta tes ' +
  'son sa ses notre nos votre vos leur leurs ce cet cette ces qui que quoi quel quelle quels quelles comment pourquoi quand ou ne pas plus ' +
  'oui non bonjour bonsoir coucou salut merci svp stp en puis dois doit faut peux veux voudrais ai avez avons ont etre faire fait ca cela ' +
  'moi toi lui eux deja encore toujours aussi mais donc alors tres chez vers depuis apres avant aucun aucune rien jamais quelqu personne ' +
  'besoin parce comme sinon ici voici voila tout tous toute toutes autre autres chaque maintenant aujourd demain semaine mois annee quelque ' +
  'trouve trouver trouvent voir vois essaye essaie essayer utilise utiliser prend prendre donne donner dit dire sais sait savoir vais va ' +
  'aller peut pouvoir veut vouloir devrait pourrait etais etait avais avait serait sera vont mettre mis recu recevoir obtenu marche ' +
  'jai cest jsuis chu jpeux jveux jsais jarrive quil quon';
// Canadian French: what a user in Québec types for e-mail, chat, shopping, "currently", IT…
const FRENCH_CANADIAN =
  'courriel courriels clavarder clavardage magasiner magasine presentement pis ben faque tse icitte pantoute asteure mettons tantot ' +
  'billet billets cegep bacc medaille virtuel virtuelle employeur';
// Domain words only French users write: an English user never types "formulaire".
const FRENCH_DOMAIN =
  'examen examens releve notes lier delier dissocier liaison lien societe entreprise compte espace partenaire partenaires universite ' +
  'rapport competences qualifications aide humain quitte changer demande envoyer obtenir acces formulaire telecharger parler verifier ' +
  'preuve partager apparait nouvelle nouvel ancien ancienne mot passe oublie ordinateur fonctionne erreur etapes etape ' +
  'recommencer officiel inscription vide reponse statut compagnie diplome collegial collegiaux universitaire';

const ENGLISH_FUNCTION =
  'the and or of to in for with by at from is are was were be been am do does did i my we our you your it its this that these those how ' +
  'what which who when where why can could should would will not no yes please pls plz thx hello hey thanks thank there their them they ' +
  'he she his her get got has have had any some about just still already yet only than then also into out up off since until because ' +
  'again every other another same more most want wants wanted know find found see look tried try trying keep keeps says said asked asks ' +
  'using use used take takes took give gives make made tell able anyone anything something everything everyone wanna gonna gotta ' +
  'doesnt dont cant wont isnt didnt work working need someone talk new old forgot';
// English UI and product words. French users quote them too ("mon transcript", "le skills
// report", "unlink mon MCID"), so they count for English at half the weight of grammar.
const ENGLISH_DOMAIN =
  'exam exams transcript link linking linked unlink company profile account report skills help human left leave change request send ' +
  'form download verify proof share show showing shows password qualify';

/** Names of products and programs, written the same way in both languages: no evidence either way. */
const NEUTRAL =
  'partner center microsoft learn excelsior nccrs credly azure mcid badge badges teams linkedin pearson vue certiport dynamics office ' +
  'power platform fabric security copilot github';

const set = (...lists: string[]) => new Set(lists.join(' ').split(' '));

export const FRENCH_WORDS: ReadonlySet<string> = set(FRENCH_FUNCTION, FRENCH_CANADIAN, FRENCH_DOMAIN);
export const ENGLISH_WORDS: ReadonlySet<string> = set(ENGLISH_FUNCTION);
export const ENGLISH_DOMAIN_WORDS: ReadonlySet<string> = set(ENGLISH_DOMAIN);
export const NEUTRAL_WORDS: ReadonlySet<string> = set(NEUTRAL);
