import type { Rule } from '../../engine/types';
import { runScript } from './model/run-script';
import { stepsOf } from './model/workflow-steps';

/**
 * Workflow commands GitHub replaced by environment files. `set-env` and `add-path` are disabled
 * (a step using them fails); `set-output` and `save-state` still print a deprecation warning and
 * are due to be disabled too.
 */
const REPLACEMENTS: Record<string, { file: string; line: string; disabled: boolean }> = {
  'set-output': { file: 'GITHUB_OUTPUT', line: 'echo "name=value" >> "$GITHUB_OUTPUT"', disabled: false },
  'save-state': { file: 'GITHUB_STATE', line: 'echo "name=value" >> "$GITHUB_STATE"', disabled: false },
  'set-env': { file: 'GITHUB_ENV', line: 'echo "NAME=value" >> "$GITHUB_ENV"', disabled: true },
  'add-path': { file: 'GITHUB_PATH', line: 'echo "/some/dir" >> "$GITHUB_PATH"', disabled: true },
};

export const deprecatedCommand: Rule<'github-actions'> = {
  id: 'github-actions/deprecated-command',
  kind: 'github-actions',
  defaultSeverity: 'error',
  docs: {
    summary:
      'The `::set-output`, `::save-state`, `::set-env` and `::add-path` workflow commands are deprecated or disabled: write to $GITHUB_OUTPUT, $GITHUB_STATE, $GITHUB_ENV or $GITHUB_PATH instead.',
  },
  aliases: ['actionlint:deprecated-commands'],
  check({ file, report }) {
    for (const { step } of stepsOf(file)) {
      const script = runScript(file, step);
      if (!script) continue;
      for (const match of script.source.matchAll(/::(set-output|save-state|set-env|add-path)\b/g)) {
        const command = match[1];
        const replacement = REPLACEMENTS[command];
        const from = script.start + match.index + 2;
        report({
          range: file.lines.range(from, from + command.length),
          severity: replacement.disabled ? 'error' : 'warning',
          message: `'::${command}' ${replacement.disabled ? 'is disabled: the step fails' : 'is deprecated and will stop working'}. Write to the $${replacement.file} file instead: ${replacement.line}.`,
        });
      }
    }
  },
};
