import { describe, test } from 'node:test';
import { checkCases } from '../../../helpers/lint';

describe('dockerfile/copy-ignored-file', () => {
  checkCases(
    'dockerfile/copy-ignored-file',
    '/repo/Dockerfile',
    [
      {
        name: 'copying an ignored folder',
        text: 'FROM node:20\nCOPY dist /app/dist\n',
        want: [{ at: '2:6-2:10', token: 'dist' }],
        options: { files: { '/repo/.dockerignore': 'node_modules\ndist\n' } },
      },
      {
        name: 'file inside an ignored folder',
        text: 'FROM node:20\nCOPY build/app.js /app/\n',
        want: ['build/app.js'],
        options: { files: { '/repo/.dockerignore': 'build/\n' } },
      },
      {
        name: 're-included by !',
        text: 'FROM node:20\nCOPY dist/app.js /app/\n',
        want: [],
        options: { files: { '/repo/.dockerignore': 'dist\n!dist/app.js\n' } },
      },
      {
        name: 'glob pattern',
        text: 'FROM node:20\nCOPY config/dev.env /app/\n',
        want: ['config/dev.env'],
        options: { files: { '/repo/.dockerignore': '**/*.env\n' } },
      },
      {
        name: 'not ignored',
        text: 'FROM node:20\nCOPY src /app/src\n',
        want: [],
        options: { files: { '/repo/.dockerignore': 'dist\n' } },
      },
      {
        name: 'COPY --from ignores .dockerignore',
        text: 'FROM node:20\nCOPY --from=build dist /app/dist\n',
        want: [],
        options: { files: { '/repo/.dockerignore': 'dist\n' } },
      },
      { name: 'no .dockerignore', text: 'FROM node:20\nCOPY dist /app/dist\n', want: [] },
    ],
    test,
  );
});

describe('dockerfile/copy-ignored-file: re-included children', () => {
  checkCases(
    'dockerfile/copy-ignored-file',
    '/repo/Dockerfile',
    [
      {
        name: 'a folder with a re-included file is still sent',
        text: 'FROM node:20\nCOPY dist /app/dist\n',
        want: [],
        options: { files: { '/repo/.dockerignore': 'dist\n!dist/index.js\n' } },
      },
    ],
    test,
  );
});
