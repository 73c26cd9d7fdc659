import type { Rule } from '../../engine/types';
import { contextRoot, copyInstructions, dockerignorePath, isWholeContext } from './model/copies';

export const dockerignore: Rule<'dockerfile'> = {
  id: 'dockerfile/dockerignore',
  kind: 'dockerfile',
  defaultSeverity: 'warning',
  docs: {
    summary:
      'Copying the whole build context needs a .dockerignore, or .git, node_modules and .env end up in the image.',
  },
  aliases: [],
  scope: 'workspace',
  check({ file, host, report }) {
    if (dockerignorePath(file, (path) => host.exists(path))) return;
    const copy = copyInstructions(file).find(
      (c) => c.from === undefined && c.sources.some((source) => isWholeContext(source.value)),
    );
    if (!copy) return;
    const source = copy.sources.find((s) => isWholeContext(s.value))!;
    const root = contextRoot(file);
    report({
      range: source.range,
      message: `${copy.keyword} ${source.value} sends the whole build context and there is no .dockerignore beside the Dockerfile: .git, node_modules, build output and .env files go into the image and every change busts the cache. Add a .dockerignore.`,
      data: { path: `${root.replace(/\/$/, '')}/.dockerignore` },
    });
  },
};
