import type { Rule } from '../../engine/types';
import { invocation, turnsOnPipefail } from './model/commands';
import { runScripts, type RunScript } from './model/run-script';
import { dockerfileModel, imageFamily } from './model/stages';

export const pipefail: Rule<'dockerfile'> = {
  id: 'dockerfile/pipefail',
  kind: 'dockerfile',
  defaultSeverity: 'warning',
  docs: { summary: 'A pipe in RUN hides failures of its first commands unless the shell runs with -o pipefail.' },
  aliases: ['hadolint:DL4006'],
  check({ file, report }) {
    const model = dockerfileModel(file);
    for (const script of runScripts(file)) {
      const shell = model.shellAt(script.run);
      if (script.unparsed || !shell.posix || shell.pipefail) continue;
      const pipe = script.pipelines.find((p) => p.leftMayFail && !pipefailSetBefore(script, p.order));
      if (!pipe) continue;
      const stage = model.stageOf(script.run);
      report({
        range: pipe.operator,
        message:
          'The build only sees the exit status of the last command of this pipe: add SHELL ["/bin/bash", "-o", "pipefail", "-c"] before this RUN, or start it with set -o pipefail.',
        data: { family: imageFamily(stage), shellArgv: shell.argv },
      });
    }
  },
};

/** `set -o pipefail`, `set -eo pipefail`, `set -euxo pipefail` earlier in the same script. */
function pipefailSetBefore(script: RunScript, order: number): boolean {
  return script.commands.some((command) => {
    if (command.order > order) return false;
    const { program, args } = invocation(command);
    return program === 'set' && turnsOnPipefail(args.map((arg) => arg.value));
  });
}
