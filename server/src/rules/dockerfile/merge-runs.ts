import type { Run } from 'dockerfile-ast';
import type { Rule } from '../../engine/types';
import { runScripts } from './model/run-script';
import { jsonArray } from './model/stages';

/** Only single-command RUNs in a row: longer scripts are often split on purpose (to cache a slow step). */
const SHORT_SCRIPT_COMMANDS = 1;

export const mergeRuns: Rule<'dockerfile'> = {
  id: 'dockerfile/merge-runs',
  kind: 'dockerfile',
  defaultSeverity: 'info',
  docs: {
    summary: 'Consecutive single-command RUN instructions with the same flags could be one RUN: one layer fewer.',
  },
  aliases: ['hadolint:DL3059'],
  check({ file, report }) {
    const scripts = new Map(runScripts(file).map((script) => [script.run as unknown, script]));
    let previous: { flags: string; commands: number } | undefined;
    for (const instruction of file.dockerfile.getInstructions()) {
      const script = scripts.get(instruction);
      // An exec-form RUN (`RUN ["a", "b"]`) cannot be joined with && as it is written.
      if (!script || jsonArray(instruction)) {
        previous = undefined;
        continue;
      }
      const flags = (instruction as Run)
        .getFlags()
        .map((flag) => `${flag.getName()}=${flag.getValue() ?? ''}`)
        .sort()
        .join(' ');
      // Top-level commands only: `a && b` counts two, a subshell's insides do not.
      const commands = script.unparsed ? Infinity : script.commands.filter((command) => !command.nested).length;
      if (
        previous &&
        previous.flags === flags &&
        previous.commands <= SHORT_SCRIPT_COMMANDS &&
        commands <= SHORT_SCRIPT_COMMANDS
      ) {
        report({
          range: instruction.getInstructionRange(),
          message:
            'This RUN follows another single-command RUN with the same flags: join them with && to save a layer.',
        });
      }
      previous = { flags, commands };
    }
  },
};
