import { describe, test } from 'node:test';
import { checkCases } from '../../../helpers/lint';

describe('gitlab-ci/dependency-cache', () => {
  checkCases(
    'gitlab-ci/dependency-cache',
    '/repo/.gitlab-ci.yml',
    [
      {
        name: 'npm ci without cache',
        text: 'test:\n  image: node:20\n  script:\n    - npm ci\n    - npm test\n',
        want: [{ at: '4:7-4:13', token: 'npm ci' }],
      },
      {
        name: 'pip, bundler, go in before_script and one-line scripts',
        text: 'a:\n  before_script: [pip install -r requirements.txt]\n  script: pytest\nb:\n  script: bundle install && bundle exec rspec\nc:\n  script:\n    - |\n      go mod download\n      go test ./...\n',
        want: [
          'pip install -r requirements.txt',
          'bundle install && bundle exec rspec',
          '|\n      go mod download\n      go test ./...',
        ],
      },
      {
        name: 'from a template in this file: reported on the install line',
        text: '.node:\n  before_script: [npm ci]\ntest:\n  extends: .node\n  script: npm test\n',
        want: ['npm ci'],
      },
      {
        name: 'job, default and template caches',
        text: 'default:\n  cache:\n    paths: [.npm/]\na:\n  script: npm ci\n',
        want: [],
      },
      {
        name: 'job cache and explicit opt-out',
        text: 'a:\n  script: npm ci\n  cache:\n    key: {files: [package-lock.json]}\n    paths: [.npm/]\nb:\n  script: npm ci\n  cache: []\n',
        want: [],
      },
      {
        name: 'look-alikes: global installs, single pip packages, npm run',
        text: 'a:\n  script:\n    - npm install -g semantic-release\n    - pip install awscli\n    - npm run build\n    - echo "npm ci"\n',
        want: [],
      },
    ],
    test,
  );
});
