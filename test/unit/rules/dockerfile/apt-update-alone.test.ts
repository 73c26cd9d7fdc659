import { describe, test } from 'node:test';
import { checkCases } from '../../../helpers/lint';

describe('dockerfile/apt-update-alone', () => {
  checkCases(
    'dockerfile/apt-update-alone',
    '/repo/Dockerfile',
    [
      {
        name: 'update alone then install',
        text: 'FROM debian:12\nRUN apt-get update\nRUN apt-get install -y curl\n',
        want: [{ at: '2:13-2:19', token: 'update' }],
      },
      { name: 'together', text: 'FROM debian:12\nRUN apt-get update && apt-get install -y curl\n', want: [] },
      { name: 'update alone and nothing installs', text: 'FROM debian:12\nRUN apt-get update\n', want: [] },
      {
        name: 'install in another stage',
        text: 'FROM debian:12 AS a\nRUN apt-get update\nFROM debian:12\nRUN apt-get install -y curl\n',
        want: [],
      },
      {
        name: 'a later RUN that only simulates an install',
        text: 'FROM debian:12\nRUN apt-get update\nRUN apt-get install -s curl\n',
        want: [],
      },
    ],
    test,
  );
});
