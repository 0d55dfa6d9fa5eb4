import { askedClause } from '../../src/matching/asked-clause';

describe('askedClause', () => {
  it('when a context clause comes first, then the clause that asks is kept', () => {
    expect(askedClause('Our admin keeps asking about the skills report, but how do I unlink my MCID?')).toBe('how do I unlink my MCID?');
    expect(askedClause("Mon admin parle du rapport de compétences. Comment dissocier mon MCID de l'entreprise ?")).toBe(
      "Comment dissocier mon MCID de l'entreprise ?",
    );
  });

  it('when the asking clause is short, then the clauses before it are added until it says enough (or it is the whole message)', () => {
    expect(askedClause('I left my old job last month and joined a new firm, how?')).toBeUndefined();
    expect(askedClause('I passed AZ-104 last year. Then I moved to a new company, how?')).toBe('Then I moved to a new company, how?');
  });

  it('when the message is a single clause, then there is nothing to focus on', () => {
    expect(askedClause('how do I unlink my MCID')).toBeUndefined();
    expect(askedClause('')).toBeUndefined();
  });

  it('when a message is long and made of separators, then it is split in one pass', () => {
    expect(askedClause(`${', ,'.repeat(20_000)} how do I unlink?`)).toBeUndefined();
    expect(askedClause(`${'word, '.repeat(5_000)}how do I unlink my profile?`)).toBe('how do I unlink my profile?');
  });
});
