// The house rules a tool holds (README, "How it is built"). Cycles, type-only imports included,
// are checked by dependency-cruiser (.dependency-cruiser.cjs): ESLint's import plugins skip `import type`.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const botbuilder = {
  group: ['botbuilder', 'botbuilder-*', 'botbuilder/*', 'botbuilder-*/*'],
  message: 'Only the adapter side (bot/, dialogs/, storage/, server.ts, app.ts, compose-support.ts) may use botbuilder.',
};
const dialogs = {
  group: ['../dialogs', '../dialogs/*'],
  message: 'views/ take data, not dialogs: move what both need out of dialogs/.',
};

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/', 'data/', '**/*.js', '**/*.cjs', '**/*.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      // Prettier wraps code at its printWidth; what it cannot wrap (long strings, URLs) stays legal.
      'max-len': ['error', { code: 140, ignoreStrings: true, ignoreTemplateLiterals: true, ignoreRegExpLiterals: true, ignoreUrls: true, ignoreComments: false }],
      'no-restricted-syntax': [
        'error',
        {
          selector: 'TSAsExpression[expression.type="TSAsExpression"][expression.typeAnnotation.type="TSUnknownKeyword"]',
          message: 'No `as unknown as`: parse or narrow the value (zod, a type guard) instead of telling the compiler it is something else.',
        },
      ],
    },
  },
  // The domain: no host SDK. Everything under src/ except the adapter side.
  {
    files: ['src/**/*.ts'],
    ignores: ['src/bot/**', 'src/dialogs/**', 'src/storage/**', 'src/server.ts', 'src/app.ts', 'src/compose-support.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [botbuilder] }] },
  },
  {
    files: ['src/views/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [botbuilder, dialogs] }] },
  },
);
