import { describe, test } from 'node:test';
import { checkCases } from '../../../helpers/lint';

describe('dockerfile/undefined-variable', () => {
  checkCases(
    'dockerfile/undefined-variable',
    '/repo/Dockerfile',
    [
      {
        name: 'global ARG not redeclared in the stage',
        text: 'ARG VERSION=1.0\nFROM alpine:3.20\nENV APP_VERSION=$VERSION\n',
        want: [{ at: '3:18-3:25', token: 'VERSION' }],
      },
      {
        name: 'redeclared',
        text: 'ARG VERSION=1.0\nFROM alpine:3.20\nARG VERSION\nENV APP_VERSION=$VERSION\n',
        want: [],
      },
      { name: 'undefined in FROM', text: 'FROM alpine:${ALPINE_VERSION}\n', want: ['ALPINE_VERSION'] },
      { name: 'platform args in FROM', text: 'FROM --platform=$BUILDPLATFORM golang:1.23\n', want: [] },
      {
        name: 'used before declared',
        text: 'FROM alpine:3.20\nWORKDIR $APP_HOME\nENV APP_HOME=/app\n',
        want: ['APP_HOME'],
      },
      {
        name: 'typo of a declared ARG',
        text: 'FROM alpine:3.20\nARG APP_VERSION=1\nLABEL version=$APP_VERSOIN\n',
        want: ['APP_VERSOIN'],
      },
      { name: 'default value form', text: 'FROM alpine:3.20\nWORKDIR ${APP_HOME:-/app}\n', want: [] },
      { name: 'base image env such as PATH', text: 'FROM node:20\nENV PATH=/app/bin:$PATH\n', want: [] },
      { name: 'RUN is expanded by the shell', text: 'FROM alpine:3.20\nRUN echo $UNDECLARED\n', want: [] },
      {
        name: 'ENV inherited from the parent stage',
        text: 'FROM alpine:3.20 AS base\nENV APP=/app\nFROM base\nWORKDIR $APP\n',
        want: [],
      },
      { name: 'escaped dollar', text: 'FROM alpine:3.20\nLABEL price=\\$VERSION\n', want: [] },
      {
        name: 'PATH comes from the base image: no near miss of GOPATH (docker-library golang)',
        text: 'FROM buildpack-deps:bookworm-scm\nENV GOPATH /go\nENV PATH $GOPATH/bin:/usr/local/go/bin:$PATH\nWORKDIR $HOME\nENV HOSTNAME_FILE=/etc/$HOSTNAME TERMINFO=/usr/share/$TERM\n',
        want: [],
      },
      {
        name: 'ENV and ARG of the stage this one builds on',
        text: 'FROM debian:12 AS base\nARG PYTHON_VERSION=3.12.4\nENV PYTHON_HOME=/usr/local\nFROM base AS build\nWORKDIR $PYTHON_HOME/src/python-$PYTHON_VERSION\n',
        want: [],
      },
      {
        name: 'an ARG of an unrelated stage is not inherited: a near miss is still a typo',
        text: 'FROM debian:12 AS base\nARG PYTHON_VERSION=3.12.4\nFROM debian:12\nARG PYTHON_VERSIONS=3.12\nWORKDIR /src/$PYTHON_VERSION\n',
        want: ['PYTHON_VERSION'],
      },
    ],
    test,
  );
});
