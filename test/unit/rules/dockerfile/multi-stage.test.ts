import { describe, test } from 'node:test';
import { checkCases } from '../../../helpers/lint';

describe('dockerfile/multi-stage', () => {
  checkCases(
    'dockerfile/multi-stage',
    '/repo/Dockerfile',
    [
      {
        name: 'single stage that builds',
        text: 'FROM node:20\nCOPY . .\nRUN npm ci && npm run build\nCMD ["node", "dist/server.js"]\n',
        want: [{ at: '3:15-3:22', token: 'npm run' }],
      },
      {
        name: 'go build',
        text: 'FROM golang:1.23\nCOPY . .\nRUN go build -o /app .\nCMD ["/app"]\n',
        want: ['go build'],
      },
      {
        name: 'multi-stage already',
        text: 'FROM golang:1.23 AS build\nRUN go build -o /app .\nFROM gcr.io/distroless/static-debian12\nCOPY --from=build /app /app\n',
        want: [],
      },
      { name: 'npm run start is not a build', text: 'FROM node:20\nRUN npm run lint\n', want: [] },
    ],
    test,
  );
});
