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
      {
        name: 'package*.json glob with a lockfile in the context',
        text: 'FROM node:20\nCOPY package*.json ./\nRUN npm i --omit=dev\n',
        want: ['i'],
        options: { files: { '/repo/package.json': '{}', '/repo/package-lock.json': '{}' } },
      },
      {
        name: 'package*.json glob without a lockfile copies only package.json: npm ci would fail',
        text: 'FROM node:20\nCOPY package*.json ./\nRUN npm install\n',
        want: [],
        options: { files: { '/repo/package.json': '{}' } },
      },
      {
        name: 'a glob in a subfolder with its lockfile',
        text: 'FROM node:20\nCOPY web/package*.json ./\nRUN npm install\n',
        want: ['install'],
        options: { files: { '/repo/web/package.json': '{}', '/repo/web/package-lock.json': '{}' } },
      },
      {
        name: 'the lockfile copied in the stage this one builds on',
        text: 'FROM node:20 AS deps\nCOPY package.json package-lock.json ./\nFROM deps AS build\nRUN npm install\n',
        want: ['install'],
      },
      {
        name: 'a lockfile copied in an unrelated stage does not count',
        text: 'FROM node:20 AS a\nCOPY package.json package-lock.json ./\nFROM node:20\nCOPY package.json ./\nRUN npm install\n',
        want: [],
      },
      {
        name: 'a yarn lockfile is not an npm lockfile',
        text: 'FROM node:20\nCOPY package.json yarn.lock ./\nRUN npm install\n',
        want: [],
      },
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
