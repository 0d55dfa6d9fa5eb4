/**
 * Import cycles, type-only imports included: ESLint's import plugins skip `import type`, and the
 * circles this house had were type-only. The folder rules live in eslint.config.mjs.
 * @type {import('dependency-cruiser').IConfiguration}
 */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'A module may not reach itself through its imports; move the shared piece into a module of its own.',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|dist)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.test.json' },
    moduleSystems: ['cjs', 'es6'],
  },
};
