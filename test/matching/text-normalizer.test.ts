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
});
