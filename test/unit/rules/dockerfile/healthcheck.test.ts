import { describe, test } from 'node:test';
import { checkCases } from '../../../helpers/lint';

describe('dockerfile/healthcheck', () => {
  checkCases(
    'dockerfile/healthcheck',
    '/repo/Dockerfile',
    [
      {
        name: 'service without HEALTHCHECK',
        text: 'FROM node:20\nCMD ["node", "server.js"]\n',
        want: [{ at: '2:1-2:4', token: 'CMD' }],
      },
      {
        name: 'with HEALTHCHECK',
        text: 'FROM node:20\nHEALTHCHECK CMD curl -f http://localhost:3000/ || exit 1\nCMD ["node", "server.js"]\n',
        want: [],
      },
      { name: 'HEALTHCHECK NONE is a decision', text: 'FROM node:20\nHEALTHCHECK NONE\nCMD ["node"]\n', want: [] },
      { name: 'no CMD: a base image', text: 'FROM node:20\nRUN npm i -g pnpm\n', want: [] },
      { name: 'scratch', text: 'FROM scratch\nCOPY app /\nENTRYPOINT ["/app"]\n', want: [] },
      { name: 'distroless', text: 'FROM gcr.io/distroless/static-debian12\nENTRYPOINT ["/app"]\n', want: [] },
      {
        name: 'inherited from the parent stage',
        text: 'FROM node:20 AS base\nHEALTHCHECK CMD true\nFROM base\nCMD ["node"]\n',
        want: [],
      },
    ],
    test,
  );
});
