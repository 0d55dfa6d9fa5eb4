import fc from 'fast-check';
import { startBotProcess, type BotProcess } from './bot-process';
import { activity } from './endpoint';

/**
 * Long words, huge pastes and regex-hostile shapes through the real entry point in its own
 * process (src/index.ts, ephemeral port, expectReplies). The child's heap is capped, so a
 * blow-up like the one a 2,200-letter word caused (4 GB) ends that process quickly, and this
 * test sees it, instead of taking the machine down. No timing assertion: the point is an answer
 * to each message and a live process.
 */

const SEPARATORS = [' ', ':', '=', '\t', '-', '\u00a0', '：', '"', '.'];
const letters = fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzéèàçù');
const run = (unit: fc.Arbitrary<string>, min: number, max: number) => fc.string({ unit, minLength: min, maxLength: max });

/** One hostile message; each shape the issue names, at sizes around what made the bot stall. */
const hostileText = fc.oneof(
  // One unknown word of 2,200 letters or more (the speller built every deletion of it).
  run(letters, 2_200, 4_000),
  // A huge paste: a random fragment repeated to 80,000 characters.
  fc
    .string({ minLength: 1, maxLength: 60 })
    .map((fragment) => `${fragment} `.repeat(Math.ceil(80_000 / (fragment.length + 1))).slice(0, 80_000)),
  // Long runs: spaces, accents, "<" never closed, dots.
  fc
    .tuple(fc.constantFrom(' ', 'é', '<a', '<at ', '.', 'à'), fc.integer({ min: 5_000, max: 20_000 }))
    .map(([unit, n]) => `a${unit.repeat(n)}b`),
  // A secret label followed by 20,000 separators.
  fc
    .tuple(fc.constantFrom('password', 'mot de passe', 'mdp', 'pwd'), run(fc.constantFrom(...SEPARATORS), 20_000, 20_000))
    .map(([label, seps]) => `${label}${seps}x`),
  // An exam prefix followed by spaces: "az" + 20,000 spaces (+ maybe digits).
  fc
    .tuple(fc.constantFrom('az', 'AZ', 'pl', 'ms'), fc.integer({ min: 1_000, max: 20_000 }), fc.constantFrom('', '104', 'x'))
    .map(([p, n, tail]) => `${p}${' '.repeat(n)}${tail}`),
  // Token-like runs: a JWT prefix or base64 without the dots.
  fc.integer({ min: 5_000, max: 20_000 }).map((n) => `eyJ${'a'.repeat(n)}`),
);

/** The issue's own findings, always run first. */
const KNOWN: string[] = [
  'abcdefghijklmnopqrstuvwxyz'.repeat(85).slice(0, 2_200),
  'How do I link my MCID? '.repeat(3_500).slice(0, 80_000),
  `password${' '.repeat(20_000)}x`,
  `az${' '.repeat(20_000)}`,
  'é'.repeat(20_000),
  '<'.repeat(20_000),
  `eyJ${'A'.repeat(20_000)}.`,
];

let bot: BotProcess;
let url: string;

// A safety net on a busy machine, not a time budget.
jest.setTimeout(180_000);

beforeAll(async () => {
  bot = startBotProcess({ RATE_LIMIT_PER_MINUTE: '0', NODE_OPTIONS: '--max-old-space-size=384' });
  url = String((await bot.waitFor('listening')).url);
});
afterAll(() => bot.signal('SIGKILL'));

let sent = 0;
async function ask(text: string): Promise<{ status: number; replies: number }> {
  sent += 1;
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(
      activity(text, { conversation: { id: `hostile-${sent}`, conversationType: 'personal' }, from: { id: `hostile-user-${sent}` } }),
    ),
  });
  const body = (await res.json()) as { activities?: unknown[] };
  return { status: res.status, replies: body.activities?.length ?? 0 };
}

describe('hostile text through the real endpoint (fast-check)', () => {
  it('when long words, huge pastes and regex-hostile shapes arrive, then each gets an answer and the process stays up', async () => {
    await fc.assert(
      fc.asyncProperty(hostileText, async (text) => {
        const { status, replies } = await ask(text);
        expect(status).toBe(200);
        expect(replies).toBeGreaterThan(0);
      }),
      { numRuns: 25, examples: KNOWN.map((text) => [text]) },
    );
    const exited = await Promise.race([bot.exited, new Promise((resolve) => setTimeout(() => resolve('running'), 50))]);
    expect(exited).toBe('running');
    expect((await fetch(url.replace('/api/messages', '/healthz'))).status).toBe(200);
    expect((await ask('Is AZ-104 eligible for college credit?')).replies).toBeGreaterThan(0);
  });
});
