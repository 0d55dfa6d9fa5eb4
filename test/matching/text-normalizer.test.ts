import { canonical, contentTerms, dropGreeting, stripMentions, tokenize } from '../../src/matching/text-normalizer';

describe('text normalisation', () => {
  it('when a message carries Teams markup, then the mention and tags go and the words stay', () => {
    expect(stripMentions('<at>FAQ Bot</at>&nbsp;how do I <b>unlink</b>?')).toBe('how do I unlink ?');
    expect(stripMentions('<at id="0">Bot</at> <at id="1">Someone</at> merge mcid')).toBe('merge mcid');
    expect(stripMentions('no markup here')).toBe('no markup here');
  });

  it('when French elides an article, then the word after it is kept whole', () => {
    expect(tokenize("l'examen d'Excelsior qu'il faut")).toEqual(['examen', 'excelsior', 'il', 'faut']);
    expect(tokenize('L’ÉLIGIBILITÉ')).toEqual(['eligibilite']);
  });

  it('when the same notion is written in either language or form, then it becomes one term', () => {
    const link = ['lier', 'liaison', 'linking', 'linked'].map((w) => contentTerms(w)[0]);
    expect(new Set(link).size).toBe(1);
    expect(contentTerms('dissocier')).toEqual(contentTerms('unlink'));
    expect(contentTerms('relevé de notes')[0]).toBe(contentTerms('transcript')[0]);
    expect(canonical('certifs')).toBe('certification');
  });

  it('when "reporter" (to postpone) is read, then it is not taken for a report', () => {
    expect(contentTerms('reporter mon examen')[0]).not.toBe(contentTerms('rapport')[0]);
  });

  it('when a greeting opens a real question, then it is dropped, and kept when it is the whole message', () => {
    expect(tokenize(dropGreeting('Bonjour, comment dissocier mon MCID ?'))).not.toContain('bonjour');
    expect(dropGreeting('hello')).toBe('hello');
    expect(dropGreeting('hi there')).toBe('hi there');
  });
  it.each([
    ['billet', 'ticket'],
    ['clavardage', 'chat'],
    ['médaille', 'badge'],
    ['cégep', 'college'],
    ['compagnie', 'company'],
    ['requête', 'request'],
    ['soutien', 'support'],
  ])('when Canadian French says "%s", then it becomes the same term as "%s"', (word, english) => {
    expect(contentTerms(word)).toEqual(contentTerms(english));
  });

  it('when "IT" (the department) is written in capitals, then it is the same term as the French "TI", not a stop word', () => {
    expect(contentTerms('my IT admin')).toEqual(contentTerms('mon TI admin'));
    expect(contentTerms('informatique')).toEqual(contentTerms('TI'));
    expect(contentTerms('how do I link it')).not.toContain(contentTerms('TI')[0]);
    expect(contentTerms('HOW DO I LINK IT')).not.toContain(contentTerms('TI')[0]);
  });
});
