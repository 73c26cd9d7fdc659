import { describe, test } from 'node:test';
import { checkCases } from '../../../helpers/lint';

describe('gitlab-ci/job-timeout', () => {
  checkCases(
    'gitlab-ci/job-timeout',
    '/repo/.gitlab-ci.yml',
    [
      { name: 'job without timeout', text: 'build:\n  script: make\n', want: [{ at: '1:1-1:6', token: 'build' }] },
      { name: 'own, inherited and default timeouts', text: 'default:\n  timeout: 20m\na:\n  script: x\n', want: [] },
      {
        name: 'own and template timeouts',
        text: '.t:\n  timeout: 1h\na:\n  extends: .t\n  script: x\nb:\n  script: x\n  timeout: 10 minutes\n',
        want: [],
      },
      {
        name: 'trigger jobs and hidden templates are not reported',
        text: 'downstream:\n  trigger: group/project\n.template:\n  script: x\n',
        want: [],
      },
    ],
    test,
  );
});
