import { describe, test } from 'node:test';
import { checkCases } from '../../../helpers/lint';

describe('gitlab-ci/manual-production', () => {
  checkCases(
    'gitlab-ci/manual-production',
    '/repo/.gitlab-ci.yml',
    [
      {
        name: 'automatic production deploy',
        text: 'deploy:\n  stage: deploy\n  script: ./deploy\n  environment: production\n',
        want: [{ at: '4:16-4:26', token: 'production' }],
      },
      {
        name: 'environment name: and prod-like names',
        text: 'a:\n  script: x\n  environment:\n    name: prod/eu\n    url: https://example.com\nb:\n  script: x\n  environment: live\nc:\n  script: x\n  environment:\n    name: customer-a\n    deployment_tier: production\n',
        want: ['prod/eu', 'live', 'customer-a'],
      },
      {
        name: 'a rule that runs it automatically',
        text: 'deploy:\n  script: x\n  environment: production\n  rules:\n    - if: $CI_COMMIT_TAG\n      when: manual\n    - if: $CI_PIPELINE_SOURCE == "schedule"\n',
        want: ['production'],
      },
      {
        name: 'environment from a template',
        text: '.prod:\n  environment: production\ndeploy:\n  extends: .prod\n  script: x\n',
        want: ['production'],
      },
      {
        name: 'manual gates',
        text: 'a:\n  script: x\n  environment: production\n  when: manual\nb:\n  script: x\n  environment: production\n  rules:\n    - if: $CI_COMMIT_BRANCH == "main"\n      when: manual\n    - when: never\n.gate:\n  when: manual\nc:\n  extends: .gate\n  script: x\n  environment: prod\n',
        want: [],
      },
      {
        name: 'look-alikes: staging, non-prod, production-check variables, stop actions',
        text: 'a:\n  script: x\n  environment: staging\nb:\n  script: x\n  environment: non-prod\nc:\n  script: x\n  variables:\n    environment: production\nd:\n  script: x\n  environment:\n    name: production\n    action: stop\n',
        want: [],
      },
    ],
    test,
  );
});
