// The house rules a tool holds (README, "How it is built", what each folder may import).
// Import cycles, type-only imports included, are dependency-cruiser's (.dependency-cruiser.cjs):
// ESLint's import plugins skip `import type`, and the circles this house had were type-only.
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

const botbuilder = {
  group: ['botbuilder', 'botbuilder-*', 'botbuilder/*', 'botbuilder-*/*'],
  message: 'Only the adapter side (bot/, dialogs/, storage/, server.ts, app.ts and the compose-*.ts roots) may use botbuilder.',
};
const dialogs = {
  group: ['../dialogs', '../dialogs/*'],
  message: 'views/ take data, not dialogs: move what both need out of dialogs/.',
};
const doubleCast = {
  selector: 'TSAsExpression[expression.type="TSAsExpression"][expression.typeAnnotation.type="TSUnknownKeyword"]',
  message: 'No `as unknown as`: parse or narrow the value (zod, a type guard) or give it the type it has.',
};

export default defineConfig(
  { ignores: ['dist/', 'node_modules/', 'coverage/', 'data/', '**/*.js', '**/*.cjs', '**/*.mjs'] },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      // The house marks a deliberately unused name with `_` (`{ eTag: _eTag, ...rest }`).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true }],
      // A late `require()` is how start-up defers loading botbuilder and the Azure SDK (build-app.ts, create-storage.ts).
      '@typescript-eslint/no-require-imports': 'off',
      // Prettier wraps code at 140; what it cannot wrap (a long string, URL or regex) is allowed.
      'max-len': ['error', { code: 140, ignoreStrings: true, ignoreTemplateLiterals: true, ignoreRegExpLiterals: true, ignoreUrls: true }],
      'no-restricted-syntax': ['error', doubleCast],
    },
  },
  // The one adapter file allowed a double cast: botbuilder types createConversationAsync's `audience`
  // as a string, while its connector factory reads `undefined` as "the configured default".
  { files: ['src/bot/proactive-messenger.ts'], rules: { 'no-restricted-syntax': 'off' } },
  // Tests poke parsed JSON and library internals.
  { files: ['test/**/*.ts'], rules: { '@typescript-eslint/no-explicit-any': 'off' } },
  // The domain names no host SDK: everything under src/ except the adapter side.
  {
    files: ['src/**/*.ts'],
    ignores: ['src/bot/**', 'src/dialogs/**', 'src/storage/**', 'src/server.ts', 'src/app.ts', 'src/compose-*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [botbuilder] }] },
  },
  {
    files: ['src/views/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [botbuilder, dialogs] }] },
  },
);
