import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { applyFix, fixTitles } from '../../../helpers/lint';

const ROOT = '/repo/.gitlab-ci.yml';

describe('gitlab-ci quick fixes', () => {
  test('image-tag: replaces :latest with a tag placeholder', () => {
    assert.equal(
      applyFix(ROOT, 'build:\n  image: node:latest\n  script: make\n', 'gitlab-ci/image-tag', 'Pin'),
      'build:\n  image: node:tag\n  script: make\n',
    );
  });
  test('image-tag: adds a tag inside quotes and in services', () => {
    assert.equal(
      applyFix(ROOT, 'build:\n  services: ["postgres"]\n  script: make\n', 'gitlab-ci/image-tag', 'Pin'),
      'build:\n  services: ["postgres:tag"]\n  script: make\n',
    );
  });
  test('only-except: rewrites a branch list as rules', () => {
    assert.equal(
      applyFix(
        ROOT,
        'build:\n  script: make\n  only:\n    - main\n    - release/v2\n  tags: [docker]\n',
        'gitlab-ci/only-except',
        'Rewrite',
      ),
      'build:\n  script: make\n  rules:\n    - if: $CI_COMMIT_BRANCH == "main"\n    - if: $CI_COMMIT_BRANCH == "release/v2"\n  tags: [docker]\n',
    );
    assert.equal(
      applyFix(ROOT, 'build:\n  script: make\n  only: [main]\n', 'gitlab-ci/only-except', 'Rewrite'),
      'build:\n  script: make\n  rules:\n    - if: $CI_COMMIT_BRANCH == "main"\n',
    );
  });
  test('only-except: no rewrite for pipeline kinds, regexes or with except', () => {
    for (const text of [
      'a:\n  script: x\n  only: [tags]\n',
      'a:\n  script: x\n  only: [/^release/]\n',
      'a:\n  script: x\n  only: [main]\n  except: [schedules]\n',
    ]) {
      assert.deepEqual(
        fixTitles(ROOT, text, 'gitlab-ci/only-except').filter((t) => t.includes('Rewrite')),
        [],
      );
    }
  });
  test('manual-production: adds when: manual', () => {
    assert.equal(
      applyFix(
        ROOT,
        'deploy:\n  script: ./deploy\n  environment: production\n',
        'gitlab-ci/manual-production',
        'when: manual',
      ),
      'deploy:\n  when: manual\n  script: ./deploy\n  environment: production\n',
    );
    assert.deepEqual(
      fixTitles(
        ROOT,
        'deploy:\n  script: x\n  environment: production\n  rules:\n    - if: $A\n',
        'gitlab-ci/manual-production',
      ).filter((t) => t.includes('when')),
      [],
    );
  });
  test('interruptible and job-timeout: add the keyword', () => {
    assert.equal(
      applyFix(ROOT, 'build:\n    script: make\n', 'gitlab-ci/interruptible', 'interruptible'),
      'build:\n    interruptible: true\n    script: make\n',
    );
    assert.equal(
      applyFix(ROOT, 'build:\n  script: make\n', 'gitlab-ci/job-timeout', 'timeout'),
      'build:\n  timeout: 30 minutes\n  script: make\n',
    );
    assert.equal(
      applyFix(ROOT, 'build:\r\n  script: make\r\n', 'gitlab-ci/interruptible', 'interruptible'),
      'build:\r\n  interruptible: true\r\n  script: make\r\n',
      'CRLF kept',
    );
  });
});
