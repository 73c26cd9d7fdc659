import { describe, test } from 'node:test';
import { checkCases } from '../../../helpers/lint';

describe('gitlab-ci/image-tag', () => {
  checkCases(
    'gitlab-ci/image-tag',
    '/repo/.gitlab-ci.yml',
    [
      {
        name: 'job image latest',
        text: 'build:\n  image: node:latest\n  script: make\n',
        want: [{ at: '2:10-2:21', token: 'node:latest' }],
      },
      {
        name: 'untagged, quoted, with a registry port',
        text: 'build:\n  image: "registry.example.com:5000/team/app"\n  script: make\n',
        want: ['"registry.example.com:5000/team/app"'],
      },
      {
        name: 'image: name: form and services',
        text: 'test:\n  image:\n    name: python\n    entrypoint: [""]\n  services:\n    - postgres\n    - name: redis:latest\n      alias: cache\n    - mysql:8.4\n  script: pytest\n',
        want: ['python', 'postgres', 'redis:latest'],
      },
      {
        name: 'default:, top-level and hidden templates',
        text: 'image: ruby\ndefault:\n  image: alpine:latest\n.base:\n  image: golang\nbuild:\n  extends: .base\n  script: make\n',
        want: ['ruby', 'alpine:latest', 'golang'],
      },
      {
        name: 'tagged and digests',
        text: 'build:\n  image: node:20.18-alpine\n  services: ["docker:27-dind", "redis@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"]\n  script: make\n',
        want: [],
      },
      {
        name: 'variables are resolved at run time',
        text: 'build:\n  image: $CI_REGISTRY_IMAGE/builder\n  services: ["postgres:${PG_VERSION}"]\n  script: make\n',
        want: [],
      },
      {
        name: 'look-alikes: an image variable and a script line',
        text: 'build:\n  variables:\n    image: nginx\n  script:\n    - docker run nginx\n',
        want: [],
      },
    ],
    test,
  );
});
