import { loadKnowledgeBase } from '../../src/knowledge/content-loader';
import { FaqRecognizer } from '../../src/matching/faq-recognizer';
import { detectLanguage } from '../../src/matching/language-detector';

describe('language detection', () => {
  let recognizer: FaqRecognizer;

  beforeAll(() => {
    recognizer = new FaqRecognizer(loadKnowledgeBase('content'));
  });

  it.each([
    ['unlink mcid', 'en'],
    ['délier mcid', 'fr'],
    ['delier mcid', 'fr'],
    ['merge mcid', 'en'],
    ['fusionner mcid', 'fr'],
    ['transcript excelsior', 'en'],
    ['relevé excelsior', 'fr'],
    ['skills report', 'en'],
    ['rapport des qualifications', 'fr'],
    ['badge partager', 'fr'],
  ])('when a short message says "%s", then it is read as %s', (text, lang) => {
    expect(recognizer.detectLanguage(text).lang).toBe(lang);
  });

  it.each([
    ['comment je fais pour unlink mon MCID de mon entreprise ?', 'fr'],
    ['how do I link my MCID to the Espace partenaires, merci', 'en'],
    ['bonjour, how do I get partner university access for my account', 'en'],
    ['hello, je ne trouve pas le formulaire de demande de crédits', 'fr'],
  ])('when a message mixes both languages ("%s"), then it goes to the one it mostly uses: %s', (text, lang) => {
    expect(recognizer.detectLanguage(text).lang).toBe(lang);
  });

  it('when a message gives no clue, then no language is claimed and the recognizer keeps the fallback', () => {
    expect(detectLanguage('AZ-104').lang).toBeUndefined();
    expect(recognizer.detectLanguage('AZ-104 ?').lang).toBeUndefined();
    expect(recognizer.recognize('AZ-104 ?', 'fr').language).toBe('fr');
    expect(recognizer.recognize('AZ-104 ?', 'en').language).toBe('en');
  });

  it('when only function words decide, then the plain detector works without the content', () => {
    expect(detectLanguage('où est le formulaire').lang).toBe('fr');
    expect(detectLanguage('where is the form').lang).toBe('en');
  });
  it.each([
    'skills report vide dans Partner Center',
    'ma job Partner Center',
    'transcript Excelsior svp',
    'Partner Center acces refuse',
    'le badge apparait pas sur mon transcript',
    'jai passe AZ-104 pis le badge est pas la',
  ])('when a French message is full of English product names and typed without accents ("%s"), then it is read as French', (text) => {
    expect(recognizer.detectLanguage(text).lang).toBe('fr');
  });

  it.each([
    'billet support',
    'medaille virtuelle',
    'clavardage support',
    'courriel MCID',
    'presentement lie a mon ancien employeur',
    "c'est-tu correct pour le cegep",
  ])('when a message uses Canadian French ("%s"), then it is read as French', (text) => {
    expect(recognizer.detectLanguage(text).lang).toBe('fr');
  });

  it.each(['MD-102 credits?', 'Azure credits expired', 'Partner Center badge transcript'])(
    'when English text uses a word French writes with an accent ("%s"), then it is not taken for French',
    (text) => {
      expect(recognizer.detectLanguage(text).lang).not.toBe('fr');
    },
  );

  it('when a message is only product names, then they are no evidence either way', () => {
    expect(detectLanguage('Partner Center Microsoft Learn').lang).toBeUndefined();
    expect(recognizer.detectLanguage('Partner Center Excelsior NCCRS').lang).toBeUndefined();
  });
});
