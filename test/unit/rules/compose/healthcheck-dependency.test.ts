import { describe, test } from 'node:test';
import { checkCases } from '../../../helpers/lint';

describe('compose/healthcheck-dependency', () => {
  checkCases(
    'compose/healthcheck-dependency',
    '/app/compose.yaml',
    [
      {
        name: 'waits for a service without healthcheck',
        text: 'services:\n  web:\n    image: a:1\n    depends_on:\n      db:\n        condition: service_healthy\n  db:\n    image: postgres:17\n',
        want: [{ at: '5:7-5:9', token: 'db' }],
      },
      {
        name: 'disabled healthcheck',
        text: 'services:\n  web:\n    image: a:1\n    depends_on: {db: {condition: service_healthy}}\n  db:\n    image: postgres:17\n    healthcheck:\n      disable: true\n',
        want: ['db'],
      },
      {
        name: 'healthchecks in the file, a merge, or the built Dockerfile',
        text: 'x-hc: &hc\n  healthcheck: {test: [CMD, true]}\nservices:\n  web:\n    image: a:1\n    depends_on:\n      db: {condition: service_healthy}\n      cache: {condition: service_healthy}\n      api: {condition: service_healthy}\n  db:\n    image: postgres:17\n    healthcheck:\n      test: [CMD, pg_isready]\n  cache:\n    <<: *hc\n    image: redis:7\n  api:\n    build: ./api\n',
        options: {
          files: { '/app/api/Dockerfile': 'FROM node:20\nHEALTHCHECK CMD curl -f http://localhost/ || exit 1\n' },
        },
        want: [],
      },
      {
        name: 'a built Dockerfile without HEALTHCHECK',
        text: 'services:\n  web:\n    image: a:1\n    depends_on: {api: {condition: service_healthy}}\n  api:\n    build: ./api\n',
        options: { files: { '/app/api/Dockerfile': 'FROM node:20\nHEALTHCHECK NONE\n' } },
        want: ['api'],
      },
      {
        name: 'other conditions and list form',
        text: 'services:\n  web:\n    image: a:1\n    depends_on:\n      db: {condition: service_started}\n  job:\n    image: a:1\n    depends_on: [db]\n  db:\n    image: postgres:17\n',
        want: [],
      },
    ],
    test,
  );
});
