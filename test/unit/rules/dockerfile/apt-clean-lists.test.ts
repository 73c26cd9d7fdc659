import { describe, test } from 'node:test';
import { checkCases } from '../../../helpers/lint';

describe('dockerfile/apt-clean-lists', () => {
  checkCases(
    'dockerfile/apt-clean-lists',
    '/repo/Dockerfile',
    [
      {
        name: 'update and install without cleanup',
        text: 'FROM debian:12\nRUN apt-get update && apt-get install -y --no-install-recommends curl\n',
        want: [{ at: '2:13-2:19', token: 'update' }],
      },
      {
        name: 'cleaned up',
        text: 'FROM debian:12\nRUN apt-get update && apt-get install -y --no-install-recommends curl \\\n && rm -rf /var/lib/apt/lists/*\n',
        want: [],
      },
      {
        name: 'cache mount for the lists',
        text: 'FROM debian:12\nRUN --mount=type=cache,target=/var/lib/apt/lists apt-get update && apt-get install -y curl\n',
        want: [],
      },
      {
        name: 'build stage only',
        text: 'FROM debian:12 AS build\nRUN apt-get update && apt-get install -y gcc\nFROM gcr.io/distroless/base-debian12:nonroot\nCOPY --from=build /out /\n',
        want: [],
      },
      {
        name: 'parent of the final stage ships',
        text: 'FROM debian:12 AS base\nRUN apt-get update && apt-get install -y curl\nFROM base\nCMD ["curl"]\n',
        want: ['update'],
      },
      {
        name: 'apt-get clean does not remove lists',
        text: 'FROM debian:12\nRUN apt-get update && apt-get install -y curl && apt-get clean\n',
        want: ['update'],
      },
      {
        name: 'apt-get dist-clean removes the lists (apt 2.7+, docker-library trixie images)',
        text: 'FROM debian:trixie-slim\nRUN set -eux; apt-get update; apt-get install -y --no-install-recommends tzdata; apt-get dist-clean\n',
        want: [],
      },
      {
        name: 'apt-get clean keeps the lists',
        text: 'FROM debian:trixie-slim\nRUN apt-get update && apt-get install -y --no-install-recommends tzdata && apt-get clean\n',
        want: ['update'],
      },
    ],
    test,
  );
});
