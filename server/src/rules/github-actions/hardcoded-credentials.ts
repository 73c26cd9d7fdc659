import { isAlias, isScalar, type Node } from 'yaml';
import type { GitHubActionsFile, Rule } from '../../engine/types';
import { entries, mapGet, nodeRange, scalarString } from '../../engine/yaml/nav';
import { jobsOf } from './model/workflow-model';

export const hardcodedCredentials: Rule<'github-actions'> = {
  id: 'github-actions/hardcoded-credentials',
  kind: 'github-actions',
  defaultSeverity: 'error',
  docs: {
    summary:
      'A container or service registry password written in the workflow is readable by everyone who can read the repository: take it from secrets.',
  },
  aliases: ['actionlint:credentials'],
  check({ file, report }) {
    for (const { job } of jobsOf(file)) {
      const containers: Array<{ what: string; node: unknown }> = [
        { what: 'the job container', node: mapGet(job, 'container') },
      ];
      for (const { key, pair } of entries(mapGet(job, 'services')))
        containers.push({ what: `service '${key}'`, node: pair.value });
      for (const { what, node } of containers) {
        const credentials = resolved(file, mapGet(node, 'credentials'));
        const password = resolved(file, mapGet(credentials, 'password'));
        const value = isScalar(password) ? scalarString(password) : undefined;
        const range = nodeRange(file.lines, password as Node | undefined);
        if (!value || value.includes('${{') || !range) continue;
        report({
          range,
          message: `The registry password of ${what} is written in the workflow, readable by anyone who can read the repository. Store it as a secret and use \${{ secrets.NAME }}.`,
        });
      }
    }
  },
};

/** The node an alias (`credentials: *shared`) stands for; other nodes as they are. */
function resolved(file: GitHubActionsFile, node: unknown): unknown {
  return isAlias(node) ? node.resolve(file.documents[0]) : node;
}
