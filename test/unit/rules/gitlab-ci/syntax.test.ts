import { describe, test } from 'node:test';
import { checkCases } from '../../../helpers/lint';

const ROOT = '/repo/.gitlab-ci.yml';

describe('gitlab-ci/syntax', () => {
  checkCases(
    'gitlab-ci/syntax',
    ROOT,
    [
      {
        name: 'YAML errors are reported (and stop further checks)',
        text: 'build:\n  script: a\n  script: b\n  scirpt: c\n',
        want: [{ at: '3:3-3:4', token: 's' }],
      },
      {
        name: 'a valid pipeline with hidden jobs, anchors, merges, extends and !reference',
        text: `stages: [build, test]
.defaults: &defaults
  image: node:20
  tags: [docker]
.setup:
  before_script:
    - npm ci
build:
  <<: *defaults
  stage: build
  script:
    - !reference [.setup, before_script]
    - npm run build
test:
  extends: .setup
  stage: test
  needs: [build]
  dependencies: [build]
  script: npm test
  rules:
    - if: $CI_COMMIT_BRANCH == "main"
      when: manual
      allow_failure: true
    - when: never
`,
        want: [],
      },
      {
        name: 'unknown job keyword with a suggestion',
        text: 'build:\n  script: make\n  artefacts:\n    paths: [out]\n',
        want: [{ at: '3:3-3:12', token: 'artefacts' }],
      },
      { name: 'unknown top-level keyword', text: 'stage: [build]\nbuild:\n  script: make\n', want: ['stage'] },
      { name: 'job keyword at top level', text: 'script: make\n', want: ['script'] },
      {
        name: 'a mapping named like a global keyword is a job without script',
        text: 'varibles:\n  A: b\nbuild:\n  script: make\n',
        want: ['varibles'],
      },
      { name: 'a job without script', text: 'build:\n  stage: build\n', want: ['build'] },
      { name: 'a trigger job needs no script', text: 'deploy:\n  trigger: group/project\n', want: [] },
      {
        name: 'a job completed by an included template (GitLab merges the two)',
        text: 'include:\n  - template: Jobs/Dependency-Scanning.gitlab-ci.yml\ndependency_scanning:\n  variables:\n    DS_EXCLUDED_PATHS: vendor\n',
        want: [],
      },
      {
        name: 'a job completed by a component',
        text: 'include:\n  - component: gitlab.com/components/sast/sast@2.0\nsast:\n  stage: test\n',
        want: [],
      },
      {
        name: 'several merge keys in one mapping, as GitLab accepts',
        text: '.base: &base\n  image: alpine:3.20\n.cache: &cache\n  cache: {paths: [.npm]}\ntest:\n  <<: *base\n  <<: *cache\n  script: npm test\n',
        want: [],
      },
      {
        name: 'other keys must still be unique',
        text: 'test:\n  script: a\n  script: b\n',
        want: [{ at: '3:3-3:4', token: 's' }], // the parser's error points at the repeated key's first character
      },
      {
        name: 'wrong types',
        text: 'build:\n  script: make\n  tags: docker\n  interruptible: maybe\n  needs: build\n',
        want: ['docker', 'maybe', 'build'],
      },
      {
        name: 'YAML 1.1 booleans are booleans to GitLab',
        text: 'build:\n  script: make\n  interruptible: yes\n  allow_failure: on\n',
        want: [],
      },
      {
        name: 'unknown sub-keys',
        text: 'build:\n  script: make\n  artifacts:\n    path: [out]\n  cache:\n    - key: a\n      paths: [b]\n      polcy: pull\n',
        want: ['path', 'polcy'],
      },
      {
        name: 'unknown rules: key',
        text: 'build:\n  script: make\n  rules:\n    - if: $X\n      when: manual\n      allow_faliure: true\n',
        want: ['allow_faliure'],
      },
      {
        name: 'when: values',
        text: 'build:\n  script: make\n  when: manually\n  rules:\n    - when: sometimes\n  artifacts:\n    when: never\nworkflow:\n  rules:\n    - when: manual\n',
        want: ['manually', 'sometimes', 'never', 'manual'],
      },
      {
        name: 'a variable in when: is left alone',
        text: 'build:\n  script: make\n  cache:\n    when: $CACHE_WHEN\n',
        want: [],
      },
      {
        name: 'stage not in stages',
        text: 'stages: [build]\nbuild:\n  stage: biuld\n  script: make\n',
        want: [{ at: '3:10-3:15', token: 'biuld' }],
      },
      {
        name: 'default stages when stages is absent',
        text: 'a:\n  stage: deploy\n  script: x\nb:\n  stage: .pre\n  script: x\nc:\n  stage: release\n  script: x\n',
        want: ['release'],
      },
      {
        name: 'needs and dependencies naming unknown jobs',
        text: 'build:\n  script: x\ntest:\n  script: x\n  needs: [biuld, {job: lint}]\n  dependencies: [build, docs]\n',
        want: ['biuld', 'lint', 'docs'],
      },
      {
        name: 'optional, cross-project and matrix needs',
        text: 'build:\n  script: x\n  parallel:\n    matrix:\n      - OS: [linux]\ntest:\n  script: x\n  needs:\n    - job: lint\n      optional: true\n    - project: group/other\n      job: build\n      ref: main\n      artifacts: true\n    - "build: [linux]"\n',
        want: [],
      },
      {
        name: 'needs naming a hidden job',
        text: '.build:\n  script: x\ntest:\n  script: x\n  needs: [.build]\n',
        want: ['.build'],
      },
      {
        name: 'extends naming an unknown template',
        text: 'test:\n  extends: [.base, .tests]\n  script: x\n.base:\n  image: a:1\n',
        want: ['.tests'],
      },
      {
        name: 'needs cycle',
        text: 'a:\n  script: x\n  needs: [b]\nb:\n  script: x\n  needs: [c]\nc:\n  script: x\n  needs: [a]\nd:\n  script: x\n  needs: [a]\n',
        want: ['b', 'c', 'a'],
      },
      {
        name: 'extends cycle',
        text: '.a:\n  extends: .b\n.b:\n  extends: .a\njob:\n  extends: .a\n  script: x\n',
        want: ['.b', '.a'],
      },
      {
        name: 'unknown keyword in an extended template',
        text: '.base:\n  imgae: node:20\njob:\n  extends: .base\n  script: x\n',
        want: ['imgae'],
      },
      {
        name: 'hidden keys that no job extends hold anything',
        text: '.vars: &vars\n  FOO: bar\nbuild:\n  variables: *vars\n  script: make\n',
        want: [],
      },
      {
        name: '!reference of rules is flattened',
        text: '.rules:\n  rules:\n    - if: $A\nbuild:\n  script: make\n  rules:\n    - !reference [.rules, rules]\n    - when: never\n',
        want: [],
      },
      {
        name: 'spec: header document',
        text: 'spec:\n  inputs:\n    stage:\n      default: test\n---\nbuild:\n  stage: $[[ inputs.stage ]]\n  script: make\n',
        want: [],
      },
      {
        name: 'non-local includes skip name checks',
        text: 'include:\n  - project: group/templates\n    file: /ci.yml\nbuild:\n  extends: .from-template\n  stage: custom\n  needs: [elsewhere]\n',
        want: [],
      },
      {
        name: 'unknown include key',
        text: 'include:\n  - remote: https://example.com/ci.yml\n    rulez: []\nbuild:\n  script: x\n',
        want: ['rulez'],
      },
      {
        name: 'local includes are followed',
        text: 'include:\n  - local: ci/build.yml\nstages: [build, test]\ntest:\n  stage: test\n  extends: .build-base\n  needs: [build]\n',
        options: {
          files: { '/repo/ci/build.yml': '.build-base:\n  script: make\nbuild:\n  stage: build\n  script: make\n' },
        },
        want: [],
      },
      {
        name: 'an included file is checked against the root pipeline',
        path: '/repo/ci/test.yml',
        text: 'test:\n  stage: test\n  needs: [build, missing]\n  script: make test\n',
        options: {
          files: {
            '/repo/.gitlab-ci.yml':
              'include: ci/test.yml\nstages: [build, test]\nbuild:\n  stage: build\n  script: make\n',
          },
        },
        want: ['missing'],
      },
      {
        name: 'a file included through another included file is GitLab CI too',
        path: '/repo/ci/jobs/deploy.yml',
        text: 'deploy:\n  stage: deploy\n  needs: [build, missing]\n  script: ./deploy\n',
        options: {
          files: {
            '/repo/.gitlab-ci.yml': 'include: ci/all.yml\nbuild:\n  stage: build\n  script: make\n',
            '/repo/ci/all.yml': 'include:\n  - local: ci/jobs/deploy.yml\n  - local: ci/all.yml\n',
          },
        },
        want: ['missing'],
      },
      {
        name: 'a file whose including root is not in sight gets no name checks',
        path: '/repo/ci/orphan.yml',
        text: 'test:\n  stage: nowhere\n  needs: [missing]\n  script: make test\n',
        want: [],
      },
    ],
    test,
  );
});
