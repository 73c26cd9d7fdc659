import { describe, test } from 'node:test';
import { checkCases } from '../../../helpers/lint';

const files = {
  '/app/api/Dockerfile': 'FROM node:20\n',
  '/app/web/Dockerfile.dev': 'FROM node:20\n',
  '/app/empty/README.md': 'x\n',
};

describe('compose/build-context', () => {
  checkCases(
    'compose/build-context',
    '/app/compose.yaml',
    [
      {
        name: 'missing context',
        text: 'services:\n  api:\n    build: ./apii\n',
        options: { files },
        want: [{ at: '3:12-3:18', token: './apii' }],
      },
      {
        name: 'missing dockerfile',
        text: 'services:\n  web:\n    build:\n      context: web\n      dockerfile: Dockerfile.prod\n',
        options: { files },
        want: ['Dockerfile.prod'],
      },
      {
        name: 'context without a Dockerfile',
        text: 'services:\n  docs:\n    build: {context: ./empty}\n',
        options: { files },
        want: ['./empty'],
      },
      {
        name: 'existing paths, inline Dockerfiles, remote contexts and variables',
        text: 'services:\n  api:\n    build: ./api\n  web:\n    build:\n      context: ./web\n      dockerfile: Dockerfile.dev\n  inline:\n    build:\n      context: ./empty\n      dockerfile_inline: "FROM alpine:3"\n  remote:\n    build: https://github.com/acme/app.git#main\n  variable:\n    build: ${CONTEXT}\n',
        options: { files },
        want: [],
      },
    ],
    test,
  );
});
