import type { FixProvider } from '../types';
import { pairOf } from '../../engine/yaml/nav';
import { workflowRoot } from '../../rules/github-actions/model/workflow-model';
import { insertBeforeJobs, insertIntoMap } from './yaml-edits';
import { asGitHubActions } from './locate';
import { isMap } from 'yaml';

/** Top-level blocks: least-privilege permissions, and a cancelling concurrency group. */
export const workflowBlockFixes: FixProvider = {
  ruleIds: ['github-actions/permissions', 'github-actions/concurrency'],
  createFixes(finding, parsed) {
    const file = asGitHubActions(parsed);
    const root = file && workflowRoot(file);
    if (!file || !root) return [];
    if (finding.ruleId === 'github-actions/permissions') {
      if (!finding.data?.missing) return [];
      const edit = insertBeforeJobs(file, root, ['permissions:', '  contents: read']);
      return edit ? [{ title: 'Add permissions: contents: read at the top', edits: [edit], isPreferred: true }] : [];
    }
    // On push too, cancel only pull-request runs: a push to the default branch may be a deploy.
    const cancel = finding.data?.push === false ? 'true' : "${{ github.event_name == 'pull_request' }}";
    if (finding.data?.hasBlock) {
      const block = pairOf(root, 'concurrency');
      const edit =
        block && isMap(block.value) ? insertIntoMap(file, block.value, [`cancel-in-progress: ${cancel}`]) : undefined;
      return edit
        ? [
            {
              title: 'Add cancel-in-progress to the concurrency group',
              edits: [edit],
              isPreferred: true,
              automatic: true,
            },
          ]
        : [];
    }
    const edit = insertBeforeJobs(file, root, [
      'concurrency:',
      '  group: ${{ github.workflow }}-${{ github.ref }}',
      `  cancel-in-progress: ${cancel}`,
    ]);
    return edit
      ? [
          {
            title: 'Add a concurrency group that cancels outdated runs',
            edits: [edit],
            isPreferred: true,
            automatic: true,
          },
        ]
      : [];
  },
};
