import { describe, test } from 'node:test';
import { checkCases } from '../../../helpers/lint';

describe('dockerfile/npm-ci', () => {
  checkCases(
    'dockerfile/npm-ci',
    '/repo/Dockerfile',
    [
      {
        name: 'npm install after copying the lockfile',
        text: 'FROM node:20\nCOPY package.json package-lock.json ./\nRUN npm install\n',
        want: [{ at: '3:9-3:16', token: 'install' }],
      },
      { name: 'package*.json glob', text: 'FROM node:20\nCOPY package*.json ./\nRUN npm i --omit=dev\n', want: ['i'] },
      {
        name: 'whole context with a lockfile on disk',
        text: 'FROM node:20\nCOPY . .\nRUN npm install\n',
        want: ['install'],
        options: { files: { '/repo/package-lock.json': '{}' } },
      },
      { name: 'whole context without a lockfile', text: 'FROM node:20\nCOPY . .\nRUN npm install\n', want: [] },
      {
        name: 'installing a named package',
        text: 'FROM node:20\nCOPY package*.json ./\nRUN npm install -g pm2\n',
        want: [],
      },
      { name: 'npm ci already', text: 'FROM node:20\nCOPY package*.json ./\nRUN npm ci\n', want: [] },
      { name: 'no lockfile copied', text: 'FROM node:20\nCOPY package.json ./\nRUN npm install\n', want: [] },
    ],
    test,
  );
});
