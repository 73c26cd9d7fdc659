// Type-aware linting for the TypeScript sources (no-floating-promises needs type information), plain
// linting for the JavaScript the project runs with node, and the layer boundaries of DESIGN.md as
// import bans per folder, so that crossing a layer fails `npm run lint` instead of a review.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const EDITOR_APIS = [
  { group: ['vscode'], message: 'Only the thin vscode/ parts and the language client may import VS Code.' },
  {
    group: ['vscode-languageserver', 'vscode-languageserver/*', 'vscode-languageserver-*', 'vscode-languageclient*'],
    message: 'The engine, rules, fixes and every core/ are pure: the LSP lives in server/src/lsp.',
  },
];
const FILESYSTEM = {
  group: ['fs', 'node:fs', 'fs/*', 'node:fs/*'],
  message: 'Read files through the injected Host (engine/types.ts); server/src/host/ holds the Node implementation.',
};
const SERVER_FRONT_ENDS = [
  { group: ['**/lsp', '**/lsp/**'], message: 'The engine, rules and fixes know nothing of the language server.' },
  {
    group: ['**/cli', '**/cli/**'],
    message: 'Shared code belongs in the engine or in server/src/host, not in the CLI.',
  },
];

/** `@typescript-eslint/no-restricted-imports` also sees `import type`, which the core rule lets through. */
/** @returns {import('eslint').Linter.RulesRecord} */
const restrict = (...patterns) => ({
  '@typescript-eslint/no-restricted-imports': ['error', { patterns: patterns.flat() }],
});

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.vscode-test/**', 'out/**', '**/*.js'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      // node:test's describe/test return promises the runner itself tracks.
      '@typescript-eslint/no-floating-promises': [
        'error',
        {
          allowForKnownSafeCalls: [
            { from: 'package', package: 'node:test', name: ['describe', 'test', 'it', 'suite'] },
          ],
        },
      ],
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['**/*.mjs'],
    languageOptions: { globals: { ...globals.node } },
    rules: { '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }] },
  },

  // The layers. Later blocks for the same files replace the rule, so each folder lists all it bans.
  {
    files: ['server/src/engine/**/*.ts'],
    rules: restrict(EDITOR_APIS, FILESYSTEM, SERVER_FRONT_ENDS, {
      group: ['**/rules', '**/rules/**', '**/fixes', '**/fixes/**'],
      message: 'The engine knows kinds only by name: per-kind knowledge lives in rules/<kind>/model/.',
    }),
  },
  {
    files: ['server/src/rules/**/*.ts', 'server/src/fixes/**/*.ts'],
    rules: restrict(EDITOR_APIS, FILESYSTEM, SERVER_FRONT_ENDS),
  },
  {
    files: ['server/src/lsp/**/*.ts'],
    rules: restrict({ group: ['**/cli', '**/cli/**'], message: 'The language server does not import the CLI.' }),
  },
  {
    files: ['client/src/**/*.ts'],
    rules: restrict({
      group: ['**/server/src/**', '!**/server/src/protocol/**'],
      message:
        'The client talks to the server over LSP; only the declared shared types in server/src/protocol/ may be imported.',
    }),
  },
  {
    files: ['client/src/*/core/**/*.ts'],
    rules: restrict(
      EDITOR_APIS,
      FILESYSTEM,
      {
        group: ['**/server/src/**', '!**/server/src/protocol/**'],
        message:
          'The client talks to the server over LSP; only the declared shared types in server/src/protocol/ may be imported.',
      },
      {
        group: ['../vscode', '../vscode/**'],
        message: 'core/ does not depend on its thin vscode/ part; the other way round.',
      },
    ),
  },
);
