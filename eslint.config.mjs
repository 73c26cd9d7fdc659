// Type-aware linting: no-floating-promises needs type information.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.vscode-test/**', 'out/**', '**/*.mjs', '**/*.js'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
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
    // Pipelines core: no editor, no language client, no file system (tested without VS Code), no server code.
    files: ['client/src/pipelines/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            'vscode',
            'vscode-languageclient',
            'vscode-languageclient/node',
            'fs',
            'node:fs',
            'fs/promises',
            'node:fs/promises',
          ],
          patterns: ['**/server/src/**', '../vscode/*'],
        },
      ],
    },
  },
  {
    files: ['client/src/**/*.ts'],
    ignores: ['client/src/pipelines/core/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: ['**/server/src/**'] }] },
  },
);
