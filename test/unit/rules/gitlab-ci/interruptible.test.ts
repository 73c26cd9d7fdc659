import { describe, test } from 'node:test';
import { checkCases } from '../../../helpers/lint';

describe('gitlab-ci/interruptible', () => {
  checkCases(
    'gitlab-ci/interruptible',
    '/repo/.gitlab-ci.yml',
    [
      {
        name: 'first-stage jobs',
        text: 'stages: [build, test]\nbuild:\n  stage: build\n  script: make\nlint:\n  stage: build\n  script: make lint\ntest:\n  stage: test\n  script: make test\n',
        want: [
          { at: '2:1-2:6', token: 'build' },
          { at: '5:1-5:5', token: 'lint' },
        ],
      },
      {
        name: 'default stages: test comes before deploy',
        text: 'test:\n  script: x\ndeploy:\n  stage: deploy\n  script: x\n',
        want: ['test'],
      },
      {
        name: 'set explicitly, by default:, or by a template',
        text: 'default:\n  interruptible: true\nbuild:\n  stage: build\n  script: x\n',
        want: [],
      },
      {
        name: 'explicit false, deploys, manual, tag-only',
        text: 'a:\n  stage: build\n  script: x\n  interruptible: false\nb:\n  stage: build\n  script: x\n  environment: review\nc:\n  stage: build\n  script: x\n  when: manual\nd:\n  stage: build\n  script: x\n  rules:\n    - if: $CI_COMMIT_TAG\ne:\n  stage: build\n  script: x\n  only: [tags]\n',
        want: [],
      },
    ],
    test,
  );
});
