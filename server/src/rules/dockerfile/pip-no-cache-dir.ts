import type { Env } from 'dockerfile-ast';
import type { Rule } from '../../engine/types';
import { PIP_VALUE_OPTIONS, subcommand } from './model/commands';
import { invocations, mountsOver } from './model/invocations';
import { scriptText } from './model/run-script';
import { dockerfileModel, lineage, type Stage } from './model/stages';

export const pipNoCacheDir: Rule<'dockerfile'> = {
  id: 'dockerfile/pip-no-cache-dir',
  kind: 'dockerfile',
  defaultSeverity: 'warning',
  docs: { summary: 'pip install should use --no-cache-dir, so downloaded wheels do not stay in the image.' },
  aliases: ['hadolint:DL3042'],
  check({ file, report }) {
    const { shippedStages } = dockerfileModel(file);
    for (const { program, args, script, stage } of invocations(file)) {
      if (program !== 'pip' || !shippedStages.has(stage)) continue;
      const action = subcommand(args, PIP_VALUE_OPTIONS);
      if (action?.value !== 'install' || args.some((arg) => isNoCacheDir(arg.value))) continue;
      if (/\bPIP_NO_CACHE_DIR=/.test(scriptText(file, script)) || setsNoCacheEnv(stage)) continue;
      if (
        script.mounts.some((m) => m.type === 'cache' && /\.cache\/pip$/.test(m.target ?? '')) ||
        mountsOver(script, '/root/.cache')
      )
        continue;
      report({
        range: action.range,
        message:
          'pip keeps downloaded packages in ~/.cache/pip: use pip install --no-cache-dir (or ENV PIP_NO_CACHE_DIR=1).',
        data: { insertAt: action.end, flag: '--no-cache-dir' },
      });
    }
  },
};

function setsNoCacheEnv(stage: Stage): boolean {
  return lineage(stage).some((s) =>
    s.instructions.some(
      (instruction) =>
        instruction.getKeyword() === 'ENV' &&
        (instruction as Env).getProperties().some((p) => p.getName() === 'PIP_NO_CACHE_DIR'),
    ),
  );
}

/**
 * pip reads options with optparse, which accepts any unambiguous prefix of a long option: `--no-cache`
 * (as many Dockerfiles write it) is `--no-cache-dir`, the only pip option that starts so.
 */
function isNoCacheDir(value: string | undefined): boolean {
  return value !== undefined && value.length >= '--no-cache'.length && '--no-cache-dir'.startsWith(value);
}
