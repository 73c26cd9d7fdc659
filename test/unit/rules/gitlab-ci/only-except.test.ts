import { describe, test } from 'node:test';
import { checkCases } from '../../../helpers/lint';

describe('gitlab-ci/only-except', () => {
  checkCases(
    'gitlab-ci/only-except',
    '/repo/.gitlab-ci.yml',
    [
      {
        name: 'only and except',
        text: 'build:\n  script: make\n  only:\n    - main\n  except:\n    - schedules\n',
        want: [
          { at: '3:3-3:7', token: 'only' },
          { at: '5:3-5:9', token: 'except' },
        ],
      },
      { name: 'in a hidden template', text: '.deploy:\n  only: [tags]\n', want: ['only'] },
      {
        name: 'rules are fine',
        text: 'build:\n  script: make\n  rules:\n    - if: $CI_COMMIT_BRANCH == "main"\n',
        want: [],
      },
      {
        name: 'look-alikes: a job called only, a variable called except',
        text: 'only:\n  script: make\n  variables:\n    except: "yes"\n',
        want: [],
      },
    ],
    test,
  );
});
