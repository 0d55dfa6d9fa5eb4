import { redactSecrets } from '../../src/support/redaction';

describe('secret redaction', () => {
  it.each([
    ['my password is Hunter2!', 'my password is [redacted]'],
    ['Password: S3cret', 'Password: [redacted]'],
    ['mon mot de passe est Azerty123', 'mon mot de passe est [redacted]'],
    ['mdp : azerty', 'mdp : [redacted]'],
    ['password Hunter2', 'password [redacted]'],
    ['Access Code 12345678 and Transcript ID 998877', 'Access Code [redacted] and Transcript ID 998877'],
    ["code d'accès : 4455", "code d'accès : [redacted]"],
    ['Authorization: Bearer abc.def-ghi', 'Authorization: Bearer [redacted]'],
    ['token eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl here', 'token [redacted] here'],
  ])('when the text is "%s", then the secret is masked', (input, expected) => {
    expect(redactSecrets(input)).toEqual({ text: expected, found: true });
  });

  it.each([
    'how do I reset my Partner Center password?',
    'I forgot my access code',
    'Transcript ID 1234567',
    'mot de passe oublié',
    'my password is wrong',
    'password reset link',
  ])('when "%s" names a secret without giving one, then nothing is masked', (input) => {
    const result = redactSecrets(input);
    expect(result.found).toBe(false);
    expect(result.text).toBe(input);
  });
});
