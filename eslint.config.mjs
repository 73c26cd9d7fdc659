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
    // The containers core runs (and is tested) without VS Code; file access belongs to the vscode part.
    files: ['client/src/containers/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'vscode', message: 'core/ must not depend on VS Code: put this in containers/vscode/.' },
            { name: 'node:fs', message: 'core/ reads no files: pass the data in.' },
            { name: 'fs', message: 'core/ reads no files: pass the data in.' },
          ],
          patterns: [{ group: ['**/server/src/**'], message: 'The client never imports server code.' }],
        },
      ],
    },
  },
);
