import type { Rule } from '../../engine/types';
import { copyInstructions, dockerignorePath } from './model/copies';
import { excludedBy, parseDockerignore } from './model/dockerignore';

export const copyIgnoredFile: Rule<'dockerfile'> = {
  id: 'dockerfile/copy-ignored-file',
  kind: 'dockerfile',
  defaultSeverity: 'warning',
  docs: { summary: 'COPY and ADD of a path that .dockerignore excludes fail: the file is never sent to the builder.' },
  aliases: ['buildkit:CopyIgnoredFile'],
  scope: 'workspace',
  check({ file, host, report }) {
    const ignorePath = dockerignorePath(file, (path) => host.exists(path));
    const text = ignorePath ? host.readFile(ignorePath) : undefined;
    if (!ignorePath || !text) return;
    const patterns = parseDockerignore(text);
    for (const copy of copyInstructions(file)) {
      if (copy.from !== undefined) continue;
      for (const source of copy.sources) {
        // Globs, variables and URLs cannot be judged without the context's file list.
        if (/[*?[$]|^[a-z]+:\/\//i.test(source.value)) continue;
        const pattern = excludedBy(patterns, source.value);
        if (!pattern) continue;
        report({
          range: source.range,
          message: `${source.value} is excluded by '${pattern.pattern}' (line ${pattern.line + 1} of ${ignorePath.split('/').pop()}), so ${copy.keyword} cannot see it: remove the pattern or add !${source.value.replace(/^\.\//, '')} after it.`,
        });
      }
    }
  },
};
