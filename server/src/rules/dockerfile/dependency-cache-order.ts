import type { Rule } from '../../engine/types';
import { copyInstructions, isWholeContext } from './model/copies';
import { dependencyInstall } from './model/dependency-installs';
import { invocations } from './model/invocations';
import { invocation } from './model/commands';

export const dependencyCacheOrder: Rule<'dockerfile'> = {
  id: 'dockerfile/dependency-cache-order',
  kind: 'dockerfile',
  defaultSeverity: 'warning',
  docs: {
    summary:
      'Copy the dependency manifests and install before copying the whole context, so a source change does not re-download every dependency.',
  },
  aliases: [],
  check({ file, report }) {
    const all = [...invocations(file)];
    for (const copy of copyInstructions(file)) {
      const whole = copy.from === undefined ? copy.sources.find((source) => isWholeContext(source.value)) : undefined;
      if (!whole) continue;
      const copyLine = copy.instruction.getRange().start.line;
      const install = all.find(
        (found) =>
          found.stage === copy.stage && found.script.run.getRange().start.line > copyLine && dependencyInstall(found),
      );
      if (!install) continue;
      const manager = dependencyInstall(install)!;
      // Moving the RUN above the COPY is only safe when all it does is install dependencies.
      const onlyInstalls = install.script.commands.every(
        (command) => dependencyInstall(invocation(command)) !== undefined,
      );
      const command = install.words.map((word) => word.text).join(' ');
      report({
        range: whole.range,
        message: `The whole build context is copied before \`${command}\` (line ${install.script.run.getRange().start.line + 1}), so any source change re-runs it. Copy ${manager.copy} first, install, then copy the rest.`,
        data: {
          manifests: manager.copy,
          destination: copy.destination?.value,
          copyLine,
          runStart: install.script.run.getRange().start.line,
          runEnd: install.script.run.getRange().end.line,
          fixable: manager.fixable !== false && onlyInstalls && copy.sources.length === 1,
        },
      });
    }
  },
};
