import type { Rule } from '../../engine/types';
import buildTools from './data/build-commands.json';
import { subcommand } from './model/commands';
import { copyInstructions } from './model/copies';
import { invocations } from './model/invocations';
import { dockerfileModel } from './model/stages';

const BUILDS = buildTools.commands as Array<{ command: string; subcommands?: string[]; scripts?: string[] }>;

export const multiStage: Rule<'dockerfile'> = {
  id: 'dockerfile/multi-stage',
  kind: 'dockerfile',
  defaultSeverity: 'info',
  docs: {
    summary:
      'Build in one stage and copy the result into a slim runtime stage, so compilers and dev dependencies stay out of the image.',
  },
  aliases: [],
  check({ file, report }) {
    const model = dockerfileModel(file);
    const final = model.finalStage;
    if (!final) return;
    // A final stage that copies from another stage is already the runtime half of a multi-stage build.
    if (copyInstructions(file).some((copy) => copy.from !== undefined && model.shippedStages.has(copy.stage))) return;
    for (const found of invocations(file)) {
      if (!model.shippedStages.has(found.stage)) continue;
      const build = BUILDS.find((b) => b.command === found.program);
      if (!build) continue;
      const action = subcommand(found.args);
      if (build.subcommands && !build.subcommands.includes(action?.value ?? '')) continue;
      if (build.scripts && !build.scripts.includes(found.args[found.args.indexOf(action!) + 1]?.value ?? '')) continue;
      report({
        range: { start: found.words[0].range.start, end: (action ?? found.words[0]).range.end },
        message:
          'The image that runs the application also builds it, so compilers, dev dependencies and sources ship with it: build in a first stage and COPY --from it only the output into a slim runtime stage.',
      });
      return;
    }
  },
};
