import type { Rule } from '../../engine/types';
import { dockerfileModel } from './model/stages';

export const absoluteWorkdir: Rule<'dockerfile'> = {
  id: 'dockerfile/absolute-workdir',
  kind: 'dockerfile',
  defaultSeverity: 'warning',
  docs: { summary: 'WORKDIR should be an absolute path, so it does not depend on the previous one.' },
  aliases: ['hadolint:DL3000', 'trivy:DS009', 'checkov:CKV_DOCKER_10'],
  check({ file, report }) {
    for (const stage of dockerfileModel(file).stages) {
      for (const instruction of stage.instructions) {
        if (instruction.getKeyword() !== 'WORKDIR') continue;
        const args = instruction.getArguments();
        if (args.length === 0) continue;
        // As written: in `WORKDIR "C:\"` the backslash would escape the quote for the parsed value.
        const path = (instruction.getRawArgumentsContent() ?? '').trim().replace(/^["']|["']$/g, '');
        // `$HOME/app` and `${APP_DIR}` are resolved at build time; `C:\app` and `c:/app` are absolute on Windows.
        if (path.startsWith('/') || path.startsWith('$') || /^[a-zA-Z]:[\\/]/.test(path) || path.startsWith('\\'))
          continue;
        report({
          range: { start: args[0].getRange().start, end: args[args.length - 1].getRange().end },
          message: `WORKDIR ${path} is relative to the previous WORKDIR: write the absolute path (e.g. /${path.replace(/^\.\//, '')}).`,
        });
      }
    }
  },
};
