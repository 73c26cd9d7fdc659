import { isMap, isScalar, type Node } from 'yaml';
import type { Host, Rule } from '../../engine/types';
import { nodeRange } from '../../engine/yaml/nav';
import { composeProject, type ComposeService } from './model/project';
import { buildPaths } from './model/build-paths';

export const healthcheckDependency: Rule<'compose'> = {
  id: 'compose/healthcheck-dependency',
  kind: 'compose',
  defaultSeverity: 'warning',
  docs: { summary: 'depends_on with condition: service_healthy needs a healthcheck on the service it waits for.' },
  aliases: [],
  scope: 'workspace',
  check({ file, workspace, host, report }) {
    const project = composeProject(file, workspace);
    for (const service of project.services) {
      const dependsOn = service.get('depends_on');
      if (!isMap(dependsOn)) continue;
      for (const pair of dependsOn.items) {
        const condition = isMap(pair.value)
          ? pair.value.items.find((p) => isScalar(p.key) && p.key.value === 'condition')?.value
          : undefined;
        if (!isScalar(pair.key) || !isScalar(condition) || condition.value !== 'service_healthy') continue;
        const target = project.serviceByName.get(String(pair.key.value));
        if (!target || hasHealthcheck(target, file.path, host)) continue;
        const range = nodeRange(file.lines, pair.key as Node);
        if (range) {
          report({
            range,
            message: `Service '${service.name}' waits for '${target.name}' to be healthy, but '${target.name}' has no healthcheck:, so it never becomes healthy and '${service.name}' never starts. Add a healthcheck to '${target.name}'.`,
          });
        }
      }
    }
  },
};

/**
 * A healthcheck in the Compose file, one inherited through `extends` (not followed: benefit of the doubt),
 * or a HEALTHCHECK in the Dockerfile the service builds from. A pulled image may define one we cannot see;
 * that case is reported, and the docs say how to suppress it.
 */
function hasHealthcheck(service: ComposeService, composePath: string, host: Host): boolean {
  if (service.get('extends') !== undefined) return true;
  const healthcheck = service.get('healthcheck');
  if (isMap(healthcheck)) {
    const disabled = healthcheck.items.some(
      (p) =>
        isScalar(p.key) &&
        p.key.value === 'disable' &&
        isScalar(p.value) &&
        (p.value.value === true || p.value.value === 'true'),
    );
    return !disabled;
  }
  const build = service.get('build');
  if (build === undefined) return false;
  const paths = buildPaths(build, composePath);
  if (!paths || paths.remote) return true;
  const candidates = paths.dockerfile ? [paths.dockerfile] : paths.defaultDockerfiles;
  const text = candidates.map((path) => host.readFile(path)).find((content) => content !== undefined);
  // Unreadable Dockerfile: compose/build-context reports that; do not guess here.
  if (text === undefined) return true;
  return /^\s*HEALTHCHECK\s+(?!NONE\b)/im.test(text);
}
