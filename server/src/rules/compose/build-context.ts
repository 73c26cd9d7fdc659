import type { Rule } from '../../engine/types';
import { nodeRange } from '../../engine/yaml/nav';
import { buildPaths } from './model/build-paths';
import { composeProject } from './model/project';

export const buildContext: Rule<'compose'> = {
  id: 'compose/build-context',
  kind: 'compose',
  defaultSeverity: 'warning',
  docs: { summary: 'A service build: context and dockerfile must exist, or docker compose build fails.' },
  aliases: [],
  scope: 'workspace',
  check({ file, workspace, host, report }) {
    for (const service of composeProject(file, workspace).services) {
      const build = service.get('build');
      const paths = build && buildPaths(build, file.path);
      if (!paths || paths.remote) continue;
      const at = (node: Parameters<typeof nodeRange>[1], message: string) => {
        const range = nodeRange(file.lines, node);
        if (range) report({ range, message });
      };
      if (!host.exists(paths.context)) {
        // With no `context:` written, the context is the Compose file's own folder, which exists.
        at(paths.contextNode, `Build context ${paths.context} of service '${service.name}' does not exist.`);
      } else if (paths.inline) {
        continue;
      } else if (paths.dockerfile !== undefined) {
        if (!host.exists(paths.dockerfile))
          at(paths.dockerfileNode, `Dockerfile ${paths.dockerfile} of service '${service.name}' does not exist.`);
      } else if (!paths.defaultDockerfiles.some((path) => host.exists(path))) {
        at(
          paths.contextNode ?? service.pair.key,
          `Build context ${paths.context} of service '${service.name}' has no Dockerfile: add one or set build.dockerfile.`,
        );
      }
    }
  },
};
