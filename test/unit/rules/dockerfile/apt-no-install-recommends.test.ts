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
      {
        name: 'apt-get install -s only simulates (docker-library postgres tests for a package)',
        text: 'FROM debian:12\nRUN if apt-get install -s "postgresql-17-jit" > /dev/null 2>&1; then apt-get install -y --no-install-recommends postgresql-17-jit; fi\n',
        want: [],
      },
      {
        name: 'every spelling of simulate, also in a bundle',
        text: 'FROM debian:12\nRUN apt-get install --simulate a; apt-get install --dry-run a; apt-get install --just-print a; apt-get install --recon a; apt-get install --no-act a; apt-get -qs install a\n',
        want: [],
      },
      {
        name: 'a real install next to a simulated one',
        text: 'FROM debian:12\nRUN apt-get install -s a && apt-get install -y a\n',
        want: [{ at: '2:37-2:44', token: 'install' }],
      },
    ],
    test,
  );
});
