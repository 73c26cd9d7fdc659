import { describe, test } from 'node:test';
import { checkCases } from '../../../helpers/lint';

describe('dockerfile/from-platform', () => {
  checkCases(
    'dockerfile/from-platform',
    '/repo/Dockerfile',
    [
      {
        name: 'fixed platform',
        text: 'FROM --platform=linux/amd64 debian:12\n',
        want: [{ at: '1:6-1:28', token: '--platform=linux/amd64' }],
      },
      { name: 'no flag', text: 'FROM debian:12\n', want: [] },
      { name: 'BUILDPLATFORM', text: 'FROM --platform=$BUILDPLATFORM golang:1.23 AS build\n', want: [] },
      { name: 'quoted with default', text: 'FROM --platform="${BUILDPLATFORM:-}" golang:1.23\n', want: [] },
      { name: 'TARGETPLATFORM', text: 'FROM --platform=${TARGETPLATFORM} debian:12\n', want: [] },
    ],
    test,
  );
});
