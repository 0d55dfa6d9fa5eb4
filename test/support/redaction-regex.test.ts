import { checkSync } from 'recheck';
import { REDACTION_PATTERNS } from '../../src/support/redaction';
import { VALUE_PATTERNS } from '../../src/support/secret-value';
import { PLAIN_TEXT_PATTERNS } from '../../src/views/plain-text';

// Every pattern that reads what a user pasted, checked by a ReDoS analyser: none may backtrack super-linearly.
const patterns = [...REDACTION_PATTERNS, ...VALUE_PATTERNS, ...PLAIN_TEXT_PATTERNS];

describe('secret masking regexes', () => {
  it.each(patterns.map((p) => [p.source.slice(0, 60), p] as const))('when recheck analyses /%s…/, then it is safe', (_name, pattern) => {
    const result = checkSync(pattern.source, pattern.flags.replace('y', ''), { timeout: 20_000 });
    expect({ status: result.status, attack: result.status === 'vulnerable' ? result.attack.pattern : undefined }).toEqual({
      status: 'safe',
      attack: undefined,
    });
  });
});
