import { describe, test } from 'node:test';
import { checkCases } from '../../../helpers/lint';

describe('dockerfile/apk-no-cache', () => {
  checkCases(
    'dockerfile/apk-no-cache',
    '/repo/Dockerfile',
    [
      {
        name: 'apk add without --no-cache',
        text: 'FROM alpine:3.20\nRUN apk add curl\n',
        want: [{ at: '2:9-2:12', token: 'add' }],
      },
      { name: 'with --no-cache', text: 'FROM alpine:3.20\nRUN apk add --no-cache curl\n', want: [] },
      {
        name: 'with a cache mount',
        text: 'FROM alpine:3.20\nRUN --mount=type=cache,target=/var/cache/apk apk add curl\n',
        want: [],
      },
      { name: 'removing the cache', text: 'FROM alpine:3.20\nRUN apk add curl && rm -rf /var/cache/apk/*\n', want: [] },
      { name: 'apk update is not add', text: 'FROM alpine:3.20\nRUN apk update\n', want: [] },
      {
        name: 'in a heredoc',
        text: 'FROM alpine:3.20\nRUN <<EOF\napk add git\nEOF\n',
        want: [{ at: '3:5-3:8', token: 'add' }],
      },
      {
        name: 'apk add --no-network fetches no index (docker-library python alpine rundeps)',
        text: 'FROM alpine:3.20\nRUN scanelf --needed --nobanner /usr/local/bin/python3 | awk \'{ print "so:" $1 }\' | xargs -rt apk add --no-network --virtual .python-rundeps\n',
        want: [],
      },
      {
        name: 'apk add --no-network is not --no-cache for the next apk add',
        text: 'FROM alpine:3.20\nRUN apk add --no-network .deps && apk add curl\n',
        want: [{ at: '2:39-2:42', token: 'add' }],
      },
    ],
    test,
  );
});
