import { isMap, isScalar } from 'yaml';
import type { Rule } from '../../engine/types';
import { entries, keyRange, mapGet, nodeRange, pairOf, scalarString } from '../../engine/yaml/nav';
import { hasKey, jobsOf, workflowRoot } from './model/workflow-model';

export const permissions: Rule<'github-actions'> = {
  id: 'github-actions/permissions',
  kind: 'github-actions',
  defaultSeverity: 'warning',
  docs: {
    summary:
      'Workflows should set least-privilege token permissions at the top, and grant write scopes only to the jobs that need them.',
  },
  aliases: ['scorecard:Token-Permissions', 'zizmor:excessive-permissions'],
  check({ file, report }) {
    const root = workflowRoot(file);
    if (!root) return;
    const jobs = jobsOf(file);
    const top = pairOf(root, 'permissions');
    if (!top) {
      // Jobs that all declare their own permissions leave nothing to the repository default.
      if (jobs.length === 0 || jobs.every(({ job }) => hasKey(job, 'permissions'))) return;
      const jobsKey = pairOf(root, 'jobs');
      const range = jobsKey && keyRange(file.lines, jobsKey);
      if (range)
        report({
          range,
          message:
            'No top-level permissions: the GITHUB_TOKEN gets the repository default, often write access to everything. Add permissions: contents: read and grant more per job.',
          data: { missing: true },
        });
      return;
    }
    for (const { id, job } of [{ id: undefined, job: root }, ...jobs]) {
      const value = mapGet(job, 'permissions');
      if (isScalar(value) && scalarString(value) === 'write-all') {
        const range = nodeRange(file.lines, value);
        if (range)
          report({
            range,
            message: `permissions: write-all gives ${id ? `job '${id}'` : 'every job'} write access to code, packages, issues and more. List only the scopes it needs.`,
          });
      }
    }
    const writes = isMap(top.value)
      ? entries(top.value).filter(({ pair }) => scalarString(pair.value) === 'write')
      : [];
    // With one job, workflow-level and job-level permissions are the same thing.
    if (jobs.length < 2) return;
    for (const { key, pair } of writes) {
      const range = nodeRange(file.lines, pair.value);
      if (range)
        report({
          range,
          message: `${key}: write at the workflow level is given to all ${jobs.length} jobs. Grant it in the jobs that need it and keep the workflow at read.`,
        });
    }
  },
};
