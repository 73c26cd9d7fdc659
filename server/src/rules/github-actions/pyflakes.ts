import type { EngineRule } from '../../engine/types';

/**
 * pyflakes's findings in `run:` steps whose shell is Python, reported after the engine's run by the host
 * (the CLI and the language server run the `pyflakes` program): hence no `check` of its own. pyflakes has
 * no codes of its own, so its messages are one rule, as actionlint reports them under one check.
 */
export const pyflakes: EngineRule = {
  id: 'github-actions/pyflakes',
  kind: 'github-actions',
  defaultSeverity: 'warning',
  docs: {
    summary:
      'pyflakes on run: steps with shell: python (undefined names, unused imports, syntax errors); needs pyflakes installed.',
  },
  aliases: ['actionlint:pyflakes'],
  external: true,
};
