import { describe, test } from 'node:test';
import { checkCases } from '../../../helpers/lint';

const on = { settings: { 'dockerfile/numeric-user': { severity: 'warning' as const } } };

describe('dockerfile/numeric-user', () => {
  checkCases(
    'dockerfile/numeric-user',
    '/repo/Dockerfile',
    [
      { name: 'a name', text: 'FROM node:20\nUSER node\n', want: [{ at: '2:6-2:10', token: 'node' }], options: on },
      { name: 'name and group', text: 'FROM node:20\nUSER app:app\n', want: ['app:app'], options: on },
      { name: 'off by default', text: 'FROM node:20\nUSER node\n', want: [] },
      { name: 'numeric', text: 'FROM node:20\nUSER 1000\n', want: [], options: on },
      { name: 'numeric with group', text: 'FROM node:20\nUSER 1000:1000\n', want: [], options: on },
      {
        name: 'from a build argument',
        text: 'FROM node:20\nARG APP_UID=1000\nUSER ${APP_UID}\n',
        want: [],
        options: on,
      },
    ],
    test,
  );
});
