import { describe, test } from 'node:test';
import { checkCases } from '../../../helpers/lint';

describe('dockerfile/apt-no-install-recommends', () => {
  checkCases(
    'dockerfile/apt-no-install-recommends',
    '/repo/Dockerfile',
    [
      {
        name: 'missing flag: the install token',
        text: 'FROM debian:12\nRUN apt-get update && apt-get install -y curl\n',
        want: [{ at: '2:31-2:38', token: 'install' }],
      },
      { name: 'options before install', text: 'FROM debian:12\nRUN apt-get -y -q install curl\n', want: ['install'] },
      {
        name: 'sudo and env prefix',
        text: 'FROM debian:12\nRUN DEBIAN_FRONTEND=noninteractive sudo apt-get install -y curl\n',
        want: ['install'],
      },
      {
        name: 'flag after packages, over continuations',
        text: 'FROM debian:12\nRUN apt-get install -y \\\n      curl \\\n      --no-install-recommends\n',
        want: [],
      },
      {
        name: 'apt config option',
        text: 'FROM debian:12\nRUN apt-get install -y -o APT::Install-Recommends=false curl\n',
        want: [],
      },
      {
        name: 'apt config file',
        text: 'FROM debian:12\nRUN echo \'APT::Install-Recommends "false";\' > /etc/apt/apt.conf.d/99norecommends\nRUN apt-get install -y curl\n',
        want: [],
      },
      {
        name: 'the word install elsewhere',
        text: 'FROM debian:12\nRUN make install && echo apt-get install\n',
        want: [],
      },
      {
        name: 'escape directive with backtick continuation',
        text: '# escape=`\nFROM debian:12\nRUN apt-get update && `\n    apt-get install -y curl\n',
        want: [{ at: '4:13-4:20', token: 'install' }],
      },
    ],
    test,
  );
});
