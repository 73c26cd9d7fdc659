import { describe, test } from 'node:test';
import { checkCases } from '../../../helpers/lint';

describe('dockerfile/syntax', () => {
  checkCases(
    'dockerfile/syntax',
    '/repo/Dockerfile',
    [
      {
        name: 'unknown instruction',
        text: 'FROM alpine:3.20\nRUNN echo hi\n',
        want: [{ at: '2:1-2:5', token: 'RUNN' }],
      },
      { name: 'missing arguments', text: 'FROM alpine:3.20\nWORKDIR\n', want: ['WORKDIR'] },
      { name: 'instruction before FROM', text: 'RUN echo hi\nFROM alpine:3.20\n', want: ['RUN'] },
      { name: 'ARG before FROM is fine', text: 'ARG V=3.20\nFROM alpine:$V\n', want: [] },
      {
        name: 'ONBUILD ONBUILD (hadolint DL3043)',
        text: 'FROM alpine:3.20\nONBUILD ONBUILD RUN make\n',
        want: [{ at: '2:9-2:16', token: 'ONBUILD' }],
      },
      { name: 'ONBUILD FROM', text: 'FROM alpine:3.20\nONBUILD FROM debian:12\n', want: ['FROM'] },
      { name: 'ONBUILD maintainer, any case', text: 'FROM alpine:3.20\nonbuild maintainer me\n', want: ['maintainer'] },
      { name: 'ONBUILD RUN is fine', text: 'FROM alpine:3.20\nONBUILD RUN make\n', want: [] },
      { name: 'no FROM at all', text: 'ARG V=1\n', want: ['ARG'] },
      { name: 'lower-case keywords are valid', text: 'from alpine:3.20\nrun echo hi\n', want: [] },
      { name: 'heredoc', text: 'FROM alpine:3.20\nRUN <<EOF\necho hi\nEOF\n', want: [] },
      {
        name: 'unknown flag',
        text: 'FROM alpine:3.20\nCOPY --chwon=app:app a /b\n',
        want: [{ at: '2:8-2:13', token: 'chwon' }],
      },
      {
        name: 'flag without value',
        text: 'FROM alpine:3.20 AS a\nFROM alpine:3.20\nCOPY --from= x /y\n',
        want: ['--from='],
      },
      {
        name: '--mount flag is known',
        text: 'FROM alpine:3.20\nRUN --mount=type=cache,target=/root/.cache --network=none true\n',
        want: [],
      },
      {
        name: 'single-quoted JSON array',
        text: "FROM alpine:3.20\nCMD ['sh', '-c', 'echo hi']\n",
        want: ["['sh', '-c', 'echo hi']"],
      },
      { name: 'SHELL not in JSON form', text: 'FROM alpine:3.20\nSHELL /bin/bash -c\n', want: ['/bin/bash -c'] },
      { name: 'RUN [ test ] is shell', text: 'FROM alpine:3.20\nRUN [ -f /etc/os-release ]\n', want: [] },
      {
        name: 'duplicate stage names',
        text: 'FROM alpine:3.20 AS build\nFROM alpine:3.20 AS Build\n',
        want: [{ at: '2:21-2:26', token: 'Build' }],
      },
      {
        name: 'COPY --from typo of a stage',
        text: 'FROM golang:1.23 AS builder\nFROM alpine:3.20\nCOPY --from=biulder /app /app\n',
        want: ['biulder'],
      },
      {
        name: 'COPY --from an image',
        text: 'FROM golang:1.23 AS builder\nFROM alpine:3.20\nCOPY --from=nginx:1.27 /etc/nginx /etc/nginx\nCOPY --from=builder /app /app\n',
        want: [],
      },
      {
        name: 'COPY --from a later index',
        text: 'FROM alpine:3.20\nCOPY --from=1 /a /a\nFROM alpine:3.20\n',
        want: ['1'],
      },
      { name: 'COPY --from its own stage', text: 'FROM alpine:3.20 AS app\nCOPY --from=app /a /b\n', want: ['app'] },
      { name: 'empty file', text: '', want: [] },
      { name: 'comments only', text: '# nothing yet\n', want: [] },
    ],
    test,
  );
});
