import { describe, test } from 'node:test';
import { checkCases } from '../../../helpers/lint';

describe('dockerfile/json-exec-form', () => {
  checkCases(
    'dockerfile/json-exec-form',
    '/repo/Dockerfile',
    [
      {
        name: 'CMD in shell form',
        text: 'FROM node:20\nCMD node server.js\n',
        want: [{ at: '2:5-2:19', token: 'node server.js' }],
      },
      {
        name: 'ENTRYPOINT shell form',
        text: 'FROM alpine:3.20\nENTRYPOINT /docker-entrypoint.sh\n',
        want: ['/docker-entrypoint.sh'],
      },
      { name: 'JSON form', text: 'FROM node:20\nCMD ["node", "server.js"]\n', want: [] },
      { name: 'JSON form over lines', text: 'FROM node:20\nCMD ["node", \\\n     "server.js"]\n', want: [] },
      { name: 'broken JSON is left to syntax', text: "FROM node:20\nCMD ['node', 'server.js']\n", want: [] },
      { name: 'RUN is not concerned', text: 'FROM node:20\nRUN npm ci\n', want: [] },
      {
        name: 'CMD exec …: the shell replaces itself with the program',
        text: 'FROM eclipse-temurin:21\nCMD exec java -jar /app.jar\nENTRYPOINT exec /docker-entrypoint.sh "$@"\n',
        want: [],
      },
      {
        name: 'exec later in the line does not make the shell go away first',
        text: 'FROM eclipse-temurin:21\nCMD cd /app && exec java -jar app.jar\n',
        want: ['cd /app && exec java -jar app.jar'],
      },
    ],
    test,
  );
});
