import { describe, test } from 'node:test';
import { checkCases } from '../../../helpers/lint';

describe('dockerfile/non-root-user', () => {
  checkCases(
    'dockerfile/non-root-user',
    '/repo/Dockerfile',
    [
      {
        name: 'no USER: the final base image',
        text: 'FROM node:20\nCMD ["node"]\n',
        want: [{ at: '1:6-1:13', token: 'node:20' }],
      },
      {
        name: 'last USER root',
        text: 'FROM node:20\nUSER node\nRUN id\nUSER root\nCMD ["node"]\n',
        want: [{ at: '4:6-4:10', token: 'root' }],
      },
      { name: 'USER 0:0', text: 'FROM node:20\nUSER 0:0\n', want: ['0:0'] },
      { name: 'non-root user', text: 'FROM node:20\nUSER node\nCMD ["node"]\n', want: [] },
      {
        name: 'root in a build stage only',
        text: 'FROM node:20 AS build\nUSER root\nFROM node:20-slim\nUSER node\n',
        want: [],
      },
      {
        name: 'USER inherited from the parent stage',
        text: 'FROM node:20 AS base\nUSER node\nFROM base\nCMD ["node"]\n',
        want: [],
      },
      { name: 'distroless nonroot', text: 'FROM gcr.io/distroless/static-debian12:nonroot\nCOPY app /\n', want: [] },
      { name: 'numeric non-root uid', text: 'FROM alpine:3.20\nUSER 10001:10001\n', want: [] },
    ],
    test,
  );
});
