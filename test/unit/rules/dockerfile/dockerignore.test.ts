import { describe, test } from 'node:test';
import { checkCases } from '../../../helpers/lint';

describe('dockerfile/dockerignore', () => {
  checkCases(
    'dockerfile/dockerignore',
    '/repo/Dockerfile',
    [
      {
        name: 'COPY . . without .dockerignore',
        text: 'FROM node:20\nCOPY . .\n',
        want: [{ at: '2:6-2:7', token: '.' }],
      },
      {
        name: 'with .dockerignore',
        text: 'FROM node:20\nCOPY . .\n',
        want: [],
        options: { files: { '/repo/.dockerignore': 'node_modules\n' } },
      },
      {
        name: 'with Dockerfile.dockerignore',
        text: 'FROM node:20\nCOPY . .\n',
        want: [],
        options: { files: { '/repo/Dockerfile.dockerignore': '.git\n' } },
      },
      { name: 'specific files only', text: 'FROM node:20\nCOPY package.json server.js ./\n', want: [] },
    ],
    test,
  );
});
