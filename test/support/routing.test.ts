import { readFileSync } from 'node:fs';
import { routeEscalation, routingFileSchema } from '../../src/support/routing';

const rules = routingFileSchema.parse(JSON.parse(readFileSync('content/support-routing.json', 'utf8')));

describe('escalation routing', () => {
  it.each([
    ['support-mcid-merge', 'certification-support'],
    ['credit-verify-transcript', 'certification-support'],
    ['support-technical', 'microsoft-support'],
    ['association-limit', 'microsoft-support'],
    ['unlink', 'microsoft-support'],
  ] as const)('when the user was on %s, then the ticket goes to %s', (topic, queue) => {
    expect(routeEscalation(rules, topic)).toEqual({ kind: 'queue', queue });
  });

  it.each([
    ['I have two profiles and need them merged', 'certification-support'],
    ['mon badge ne s’affiche pas dans le tableau de bord', 'certification-support'],
    ['Partner Center shows an error when I try to link', 'microsoft-support'],
    ["erreur dans l'Espace partenaires quand je veux délier", 'microsoft-support'],
  ] as const)('when the user writes "%s" with no topic, then it goes to %s', (text, queue) => {
    expect(routeEscalation(rules, null, text)).toEqual({ kind: 'queue', queue });
  });

  it('when the user was reading about credit requests, then the bot redirects to Excelsior instead of a queue', () => {
    expect(routeEscalation(rules, 'credit-request-steps')).toEqual({ kind: 'credit-application' });
    expect(routeEscalation(rules, null, 'where do I send my credit application')).toEqual({ kind: 'credit-application' });
  });

  it('when nothing points to a queue, then the bot asks', () => {
    expect(routeEscalation(rules, null, 'I want to talk to someone')).toEqual({ kind: 'ask' });
    expect(routeEscalation(rules, null)).toEqual({ kind: 'ask' });
  });
});
