import { MASK, redactSecrets } from '../../src/support/redaction';
import { NOT_SECRET, SECRET_PASTES } from './fixtures/secret-pastes';

describe('secrets pasted into the chat', () => {
  it('when the table is read, then it holds at least 40 pastes in both languages', () => {
    expect(SECRET_PASTES.length).toBeGreaterThanOrEqual(40);
    expect(new Set(SECRET_PASTES.map((p) => p.lang))).toEqual(new Set(['en', 'fr']));
  });

  it.each(SECRET_PASTES.map((p) => [p.text, p] as const))(
    'when a user pastes "%s", then the secret is masked and the rest stays readable',
    (_text, paste) => {
      const { text, found } = redactSecrets(paste.text);
      expect(found).toBe(true);
      expect(text).toContain(MASK);
      for (const secret of paste.secrets) expect(text).not.toContain(secret);
      for (const kept of paste.keep ?? []) expect(text).toContain(kept);
    },
  );

  it.each(NOT_SECRET)('when "%s" gives no secret, then nothing is masked and no warning is due', (input) => {
    expect(redactSecrets(input)).toEqual({ text: input, found: false });
  });

  it('when masked text is masked again, then it does not change', () => {
    for (const paste of SECRET_PASTES) {
      const once = redactSecrets(paste.text).text;
      expect(redactSecrets(once).text).toBe(once);
    }
  });
});
